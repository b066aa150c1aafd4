package org.chorus.letters;

/** How a letter went: sent by Chorus from the platform's address, or from the supporter's own mail program. */
public enum Way {
    CHORUS,
    OWN_MAIL
}

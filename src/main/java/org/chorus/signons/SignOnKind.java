package org.chorus.signons;

/** Who signed: an organization (listed by name) or a person (counted, and listed by name only if they consent). */
public enum SignOnKind {
    ORGANIZATION,
    PERSON
}

package org.chorus.rsvps;

/** Where an RSVP stands. Only confirmed ones (going or waitlisted) reach the host; only going ones are counted. */
public enum RsvpStatus {
    /** a guest's, until the address is confirmed */
    UNCONFIRMED,
    GOING,
    /** confirmed beyond the action's capacity: promoted in order when seats free up */
    WAITLISTED,
    CANCELLED;

    public String key() {
        return "rsvp.status." + name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean confirmed() {
        return this == GOING || this == WAITLISTED;
    }
}

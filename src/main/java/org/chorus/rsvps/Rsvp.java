package org.chorus.rsvps;

import java.time.Instant;
import java.util.UUID;
import org.chorus.actions.ActionId;

/**
 * An RSVP as its host, organizers and its own page see it.
 *
 * @param contact who it is from and what they answered; null once forgotten (after the action)
 * @param link the path of its own page (which cancels it)
 */
public record Rsvp(
        UUID id,
        ActionId action,
        RsvpStatus status,
        int guests,
        RsvpContact contact,
        boolean unsubscribed,
        Instant createdAt,
        Instant confirmedAt,
        String link) {

    /** The people it brings: the person and their guests. */
    public int party() {
        return 1 + guests;
    }
}

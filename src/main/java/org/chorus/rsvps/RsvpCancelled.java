package org.chorus.rsvps;

import java.util.UUID;
import org.chorus.actions.ActionId;

/** Someone cancelled their RSVP from its link. */
public record RsvpCancelled(UUID rsvp, ActionId action) {}

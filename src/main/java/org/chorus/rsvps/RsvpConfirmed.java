package org.chorus.rsvps;

import java.util.UUID;
import org.chorus.actions.ActionId;

/** Someone confirmed an RSVP (going or waitlisted), or was promoted from the waitlist ({@code status} GOING). */
public record RsvpConfirmed(UUID rsvp, ActionId action, RsvpStatus status) {}

package org.chorus.rsvps;

import java.util.List;
import java.util.UUID;
import org.chorus.actions.ActionId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules read of RSVPs: the public count of an action (the dashboard), and the going RSVPs of an action
 * with their contact and own link (reminders and notices of changes, next), never for display to the public.
 */
@Service
@Transactional(readOnly = true)
public class ReadingRsvps {

    private final Rsvps rsvps;
    private final RsvpCounts counts;
    private final Rsvping rsvping;
    private final RsvpLinks links;

    ReadingRsvps(Rsvps rsvps, RsvpCounts counts, Rsvping rsvping, RsvpLinks links) {
        this.rsvps = rsvps;
        this.counts = counts;
        this.rsvping = rsvping;
        this.links = links;
    }

    /**
     * One person going to an action, to write to.
     *
     * @param link the absolute address of the RSVP's own page, which cancels it
     * @param instructions the host's instructions for attendees
     */
    public record Attendee(
            UUID rsvp, String name, String email, String language, int guests, String link, String instructions) {

        @Override
        public String toString() {
            return "Attendee[" + rsvp + "]";
        }
    }

    /** People going to the action, guests included, as the count job last counted them. */
    public int going(ActionId action) {
        return counts.going(action);
    }

    /** The going RSVPs of the action whose personal data is still kept, first confirmed first. */
    public List<Attendee> goingTo(ActionId action) {
        var instructions = rsvps.settings(action).orElse(RsvpSettings.NONE).instructions();
        return rsvps.current(action, true).stream()
                .map(stored -> {
                    var contact = rsvping.contact(stored);
                    return new Attendee(
                            stored.id(),
                            contact.name(),
                            contact.email(),
                            stored.language(),
                            stored.guests(),
                            links.url(stored.id(), stored.linkSalt(), stored.language()),
                            instructions);
                })
                .toList();
    }
}

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

    /**
     * A campaign's RSVPs for its dashboard: people going and waiting (guests included), RSVPs cancelled, and RSVPs
     * confirmed each day in the campaign's zone (whatever became of them). One grouped query on the campaign's index.
     */
    public record CampaignRsvps(
            long going, long waitlisted, long cancelled, java.util.Map<java.time.LocalDate, Long> confirmedPerDay) {

        public boolean isEmpty() {
            return going == 0 && waitlisted == 0 && cancelled == 0;
        }
    }

    public CampaignRsvps ofCampaign(org.chorus.campaigns.CampaignId campaign, java.time.ZoneId zone) {
        return rsvps.ofCampaign(campaign, zone);
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

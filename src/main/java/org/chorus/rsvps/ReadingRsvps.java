package org.chorus.rsvps;

import org.chorus.actions.ActionId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules read of RSVPs: the public count of an action and a campaign's figures (the dashboard). Reminders
 * and notices of changes are this module's own ({@link RemindingRsvps}); no other module reads who is going.
 */
@Service
@Transactional(readOnly = true)
public class ReadingRsvps {

    private final Rsvps rsvps;
    private final RsvpCounts counts;

    ReadingRsvps(Rsvps rsvps, RsvpCounts counts) {
        this.rsvps = rsvps;
        this.counts = counts;
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

    /** People going to each of these actions, guests included, as last counted (0 before the first count); one query. */
    public java.util.Map<ActionId, Integer> going(java.util.Collection<ActionId> actions) {
        return counts.going(actions);
    }
}

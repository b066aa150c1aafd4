package org.chorus.actions;

import org.chorus.campaigns.CampaignId;
import org.chorus.campaigns.CountingActions;
import org.springframework.stereotype.Component;

/** The campaigns module's counts of a campaign's public actions (its API shows them), in one query. */
@Component
class CountsForCampaigns implements CountingActions {

    private final ReadingActions reading;

    CountsForCampaigns(ReadingActions reading) {
        this.reading = reading;
    }

    @Override
    public Counts of(CampaignId campaign) {
        var counts = reading.counts(campaign);
        return new Counts(counts.total(), counts.byKind(), counts.byCountry());
    }
}

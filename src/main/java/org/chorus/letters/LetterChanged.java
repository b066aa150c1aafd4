package org.chorus.letters;

import java.util.Collection;
import java.util.List;
import org.chorus.campaigns.CampaignId;
import org.chorus.shared.web.PublicPagesChangedUnder;

/** The organizers changed the campaign's letter or its officials: the campaign's cached pages go stale. */
public record LetterChanged(CampaignId campaign, String campaignSlug) implements PublicPagesChangedUnder {

    @Override
    public Collection<String> paths() {
        return List.of("/c/" + campaignSlug);
    }
}

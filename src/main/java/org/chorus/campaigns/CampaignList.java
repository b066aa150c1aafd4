package org.chorus.campaigns;

import java.util.List;

/** A page of a campaign list, and the token of the next (older) page, null on the last. */
public record CampaignList(List<CampaignSummary> items, String older, boolean first) {

    public boolean hasOlder() {
        return older != null;
    }
}

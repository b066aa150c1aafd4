package org.chorus.campaigns;

import java.util.UUID;

/** Identifies a campaign; other modules refer to campaigns only by this. */
public record CampaignId(UUID value) {

    public static CampaignId random() {
        return new CampaignId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

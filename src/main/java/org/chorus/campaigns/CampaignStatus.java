package org.chorus.campaigns;

/** Where a campaign is in its life. */
public enum CampaignStatus {
    /** Written and changed by the organization's editors; only they see it. */
    DRAFT,
    /** Public, listed, in the feeds; editors still change it. */
    PUBLISHED,
    /** Called off by an owner: it stays at its address with a notice and the reason, and leaves the lists. */
    WITHDRAWN;

    public String key() {
        return "campaign.status." + name().toLowerCase(java.util.Locale.ROOT);
    }
}

package org.chorus.campaigns;

import static org.chorus.organizations.Role.EDITOR;
import static org.chorus.organizations.Role.OWNER;

import org.chorus.organizations.Permission;

/** What a person may do with their organization's campaigns. */
public enum CampaignPermission implements Permission {
    /**
     * Write and change the organization's campaigns, drafts and published ones, and translate them; organize the
     * campaign's actions (next: the actions module asks {@link CampaignOrganizers}).
     */
    WRITE_CAMPAIGNS(Holders.of(OWNER, EDITOR)),
    /** Publish a draft campaign, and withdraw a published one. */
    PUBLISH_CAMPAIGNS(Holders.of(OWNER));

    private final Holders holders;

    CampaignPermission(Holders holders) {
        this.holders = holders;
    }

    @Override
    public Holders holders() {
        return holders;
    }
}

package org.chorus.campaigns;

import org.chorus.organizations.Actor;
import org.chorus.organizations.OrganizationPermissions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who organizes a campaign: the owners and editors of its issuer (and site admins). The actions module asks this
 * before someone moderates or edits the campaign's actions.
 */
@Service
@Transactional(readOnly = true)
public class CampaignOrganizers {

    private final Campaigns campaigns;
    private final OrganizationPermissions permissions;

    CampaignOrganizers(Campaigns campaigns, OrganizationPermissions permissions) {
        this.campaigns = campaigns;
        this.permissions = permissions;
    }

    /** Whether the person organizes the campaign; false for a campaign that does not exist. */
    public boolean isOrganizer(Actor actor, CampaignId campaign) {
        return campaigns
                .byId(campaign)
                .map(c -> permissions.can(actor, c.issuer(), CampaignPermission.WRITE_CAMPAIGNS))
                .orElse(false);
    }
}

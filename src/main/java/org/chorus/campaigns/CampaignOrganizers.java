package org.chorus.campaigns;

import org.chorus.organizations.Actor;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.PermissionDenied;
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
    private final ReadingCampaigns reading;

    CampaignOrganizers(Campaigns campaigns, OrganizationPermissions permissions, ReadingCampaigns reading) {
        this.campaigns = campaigns;
        this.permissions = permissions;
        this.reading = reading;
    }

    /**
     * The published campaign, for its organizers: 404 {@code campaign.not-found} when it is not public, 403 with
     * {@code deniedKey} (the caller's module says what only organizers may do) for anyone else.
     */
    public PublishedCampaign organized(Actor actor, String slug, String language, String deniedKey) {
        var campaign = reading.published(slug, language).orElseThrow(() -> new NotFoundException("campaign.not-found"));
        if (!isOrganizer(actor, campaign.id())) {
            throw new PermissionDenied(deniedKey);
        }
        return campaign;
    }

    /** Whether the person organizes the campaign; false for a campaign that does not exist. */
    public boolean isOrganizer(Actor actor, CampaignId campaign) {
        return campaigns
                .byId(campaign)
                .map(c -> permissions.can(actor, c.issuer(), CampaignPermission.WRITE_CAMPAIGNS))
                .orElse(false);
    }
}

package org.chorus.actions;

import java.util.Collection;
import org.chorus.accounts.AccountId;
import org.chorus.campaigns.CampaignId;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.web.PublicPagesChangedUnder;

/** The organizers approved an action: it is in the campaign's list, map and calendar. It carries the campaign's organization and the action's title at the time, for
 * the audit log. The campaign's pages and the action's go stale in the page cache. */
public record ActionApproved(
        ActionId action, CampaignId campaign, String campaignSlug, OrganizationId issuer, String title, AccountId by)
        implements PublicPagesChangedUnder, ChangesTheMap {

    @Override
    public Collection<String> paths() {
        return ActionPaths.of(campaignSlug, action);
    }
}

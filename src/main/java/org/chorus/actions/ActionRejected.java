package org.chorus.actions;

import java.util.Collection;
import org.chorus.accounts.AccountId;
import org.chorus.campaigns.CampaignId;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.web.PublicPagesChangedUnder;

/** The organizers rejected an action (the host was mailed why). It carries the campaign's organization and the action's title at the time, for
 * the audit log. The campaign's pages and the action's go stale in the page cache. */
public record ActionRejected(
        ActionId action, CampaignId campaign, String campaignSlug, OrganizationId issuer, String title, AccountId by)
        implements PublicPagesChangedUnder, ChangesTheMap {

    @Override
    public Collection<String> paths() {
        return ActionPaths.of(campaignSlug, action);
    }
}

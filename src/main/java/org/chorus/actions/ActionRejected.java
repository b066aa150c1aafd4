package org.chorus.actions;

import java.util.Collection;
import org.chorus.accounts.AccountId;
import org.chorus.campaigns.CampaignId;
import org.chorus.shared.web.PublicPagesChangedUnder;

/** The organizers rejected an action (the host was mailed why). The campaign's pages and the action's go stale in the page cache. */
public record ActionRejected(ActionId action, CampaignId campaign, String campaignSlug, AccountId by)
        implements PublicPagesChangedUnder {

    @Override
    public Collection<String> paths() {
        return ActionPaths.of(campaignSlug, action);
    }
}

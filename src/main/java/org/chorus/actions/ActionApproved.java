package org.chorus.actions;

import java.util.Collection;
import org.chorus.accounts.AccountId;
import org.chorus.campaigns.CampaignId;
import org.chorus.shared.web.PublicPagesChangedUnder;

/** The organizers approved an action: it is in the campaign's list, map and calendar. The campaign's pages and the action's go stale in the page cache. */
public record ActionApproved(ActionId action, CampaignId campaign, String campaignSlug, AccountId by)
        implements PublicPagesChangedUnder {

    @Override
    public Collection<String> paths() {
        return ActionPaths.of(campaignSlug, action);
    }
}

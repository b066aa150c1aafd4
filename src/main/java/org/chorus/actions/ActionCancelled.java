package org.chorus.actions;

import java.util.Collection;
import org.chorus.accounts.AccountId;
import org.chorus.campaigns.CampaignId;
import org.chorus.shared.web.PublicPagesChangedUnder;

/** The host cancelled an action: it stays at its address, marked cancelled. The campaign's pages and the action's go stale in the page cache. */
public record ActionCancelled(ActionId action, CampaignId campaign, String campaignSlug, AccountId by)
        implements PublicPagesChangedUnder, ChangesTheMap {

    @Override
    public Collection<String> paths() {
        return ActionPaths.of(campaignSlug, action);
    }
}

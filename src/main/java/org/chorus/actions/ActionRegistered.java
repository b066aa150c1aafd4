package org.chorus.actions;

import java.util.Collection;
import java.util.List;
import org.chorus.accounts.AccountId;
import org.chorus.campaigns.CampaignId;
import org.chorus.shared.web.PublicPagesChangedUnder;

/**
 * A host registered an action: approved at once when the host is trusted (then the campaign's pages and the
 * action's go stale in the page cache), else waiting for the organizers (no public page changed).
 */
public record ActionRegistered(
        ActionId action, CampaignId campaign, String campaignSlug, AccountId by, boolean approved)
        implements PublicPagesChangedUnder {

    @Override
    public Collection<String> paths() {
        return approved ? ActionPaths.of(campaignSlug, action) : List.of();
    }
}

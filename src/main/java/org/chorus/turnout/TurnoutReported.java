package org.chorus.turnout;

import java.util.Collection;
import java.util.List;
import org.chorus.accounts.AccountId;
import org.chorus.actions.ActionId;
import org.chorus.campaigns.CampaignId;
import org.chorus.shared.web.PublicPagesChangedUnder;

/**
 * A turnout report was filed or changed ({@code by} is null when the host used the emailed link): the action's page
 * and the campaign's totals go stale in the page cache.
 */
public record TurnoutReported(ActionId action, CampaignId campaign, String campaignSlug, int participants, AccountId by)
        implements PublicPagesChangedUnder {

    @Override
    public Collection<String> paths() {
        return List.of("/c/" + campaignSlug, "/actions/" + action);
    }
}

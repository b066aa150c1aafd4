package org.chorus.turnout;

import java.util.Collection;
import java.util.List;
import org.chorus.accounts.AccountId;
import org.chorus.actions.ActionId;
import org.chorus.campaigns.CampaignId;
import org.chorus.shared.web.PublicPagesChangedUnder;

/** An organizer hid a turnout report ({@code hidden}) or showed it again: the action's and campaign's pages go stale. */
public record TurnoutHidden(ActionId action, CampaignId campaign, String campaignSlug, boolean hidden, AccountId by)
        implements PublicPagesChangedUnder {

    @Override
    public Collection<String> paths() {
        return List.of("/c/" + campaignSlug, "/actions/" + action);
    }
}

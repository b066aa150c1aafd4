package org.chorus.actions;

import java.util.Collection;
import org.chorus.accounts.AccountId;
import org.chorus.campaigns.CampaignId;
import org.chorus.shared.web.PublicPagesChangedUnder;

/**
 * The host or an organizer changed an action; calendars see a new sequence. The campaign's pages and the action's go
 * stale in the page cache.
 *
 * @param by who changed it; null for a host without an account
 * @param movedOrRescheduled whether its time or its place changed (people going are told, with a new calendar entry)
 */
public record ActionChanged(
        ActionId action, CampaignId campaign, String campaignSlug, AccountId by, boolean movedOrRescheduled)
        implements PublicPagesChangedUnder, ChangesTheMap {

    /** The change from {@code before} to {@code after}: the one way every change of an action is told. */
    static ActionChanged of(Action before, Action after, AccountId by) {
        return new ActionChanged(
                after.id(),
                after.campaign(),
                after.campaignSlug(),
                by,
                !before.details().sameTimeAndPlace(after.details()));
    }

    @Override
    public Collection<String> paths() {
        return ActionPaths.of(campaignSlug, action);
    }
}

package org.chorus.actions;

import java.time.ZonedDateTime;
import org.chorus.campaigns.CampaignId;

/**
 * The place after an action's details on its page, where modules above actions add their part
 * ({@link org.chorus.shared.web.PageContribution PageContribution&lt;AfterActionDetails&gt;}): the RSVPs module its
 * count and form.
 *
 * @param isPublic the action is approved (others see it only as its host or an organizer)
 * @param canManage the reader is its host or an organizer of its campaign
 * @param end when it ends, in its own zone
 */
public record AfterActionDetails(
        ActionId action,
        CampaignId campaign,
        boolean isPublic,
        boolean cancelled,
        boolean canManage,
        ZonedDateTime end) {

    public static AfterActionDetails of(ActionPage page) {
        var a = page.action();
        return new AfterActionDetails(
                a.id(),
                a.campaign(),
                a.isPublic(),
                a.cancelled(),
                page.canEdit(),
                a.details().end());
    }
}

package org.chorus.turnout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chorus.actions.ActionId;
import org.chorus.campaigns.CampaignId;
import org.chorus.shared.markdown.Markdown;

/**
 * What a host told of an action once it was over: how many took part, a short text (Markdown), up to
 * {@link #PHOTOS_MAX} photos. {@code country} and {@code day} are the action's, copied so the campaign's totals read
 * this module's table alone. A hidden report is seen only by the host and the campaign's organizers, and not counted.
 */
public record TurnoutReport(
        ActionId action,
        CampaignId campaign,
        String campaignSlug,
        String country,
        LocalDate day,
        int participants,
        String body,
        boolean hidden,
        Instant createdAt,
        Instant updatedAt,
        List<TurnoutPhoto> photos) {

    public static final int PARTICIPANTS_MAX = 1_000_000;
    public static final int BODY_MAX = 2_000;
    public static final int PHOTOS_MAX = 5;

    /** The text as HTML to show, through the one Markdown renderer and sanitizer. */
    public String bodyHtml() {
        return Markdown.render(body).html();
    }
}

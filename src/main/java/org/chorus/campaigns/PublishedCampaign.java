package org.chorus.campaigns;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.chorus.organizations.OrganizationId;

/**
 * A public campaign as other modules need it (the actions module: an action must fall in the window, of a kind called
 * for): its dates are local dates in {@code zone}; {@code title} is in {@code language} when translated, else the
 * original's.
 */
public record PublishedCampaign(
        CampaignId id,
        String slug,
        OrganizationId issuer,
        ZoneId zone,
        LocalDate startsOn,
        LocalDate endsOn,
        List<LocalDate> daysOfAction,
        List<ActionKind> kinds,
        String language,
        String title) {

    /** Whether the date falls in the campaign's window. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}

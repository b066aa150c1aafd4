package org.chorus.campaigns;

import java.time.LocalDate;
import java.util.List;
import org.chorus.organizations.Organization;
import org.chorus.statements.StatementLink;

/**
 * A campaign as one reader sees it: the words in the language asked for (or the original's, with {@code fallback}
 * set when that translation does not exist), the languages it can be read in, its issuer, partners and related
 * statements, today's date in the campaign's time zone, and what the reader may do with it.
 */
public record CampaignPage(
        Campaign campaign,
        CampaignText text,
        boolean fallback,
        String requestedLanguage,
        List<CampaignText> translations,
        Organization issuer,
        List<Organization> partners,
        List<StatementLink> statements,
        LocalDate today,
        boolean canWrite,
        boolean canPublish) {

    public boolean original() {
        return text.language().equals(campaign.originalLanguage());
    }

    public Campaign.Phase phase() {
        return campaign.phase(today);
    }

    /** The next day of action, today or later; null once all have passed. */
    public LocalDate nextDayOfAction() {
        return campaign.nextDayOfAction(today);
    }

    /** Days from today to the next day of action (0 on the day itself). */
    public long daysToNext() {
        var next = nextDayOfAction();
        return next == null ? -1 : java.time.temporal.ChronoUnit.DAYS.between(today, next);
    }

    /** The address of the campaign in one of its languages. */
    public String path(String language) {
        return "/c/" + campaign.slug() + (language.equals(campaign.originalLanguage()) ? "" : "/" + language);
    }
}

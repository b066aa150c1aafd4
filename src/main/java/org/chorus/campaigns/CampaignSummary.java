package org.chorus.campaigns;

import java.time.LocalDate;
import java.util.List;
import org.chorus.organizations.Organization;

/** A campaign in a list: its address, title and summary in one language, issuer, window and days of action. */
public record CampaignSummary(
        CampaignId id,
        String slug,
        String language,
        String title,
        String summary,
        Organization issuer,
        CampaignStatus status,
        LocalDate startsOn,
        LocalDate endsOn,
        List<LocalDate> daysOfAction,
        java.time.Instant publishedAt,
        java.time.Instant updatedAt) {}

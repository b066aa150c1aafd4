package org.chorus.statements;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.chorus.organizations.Organization;

/**
 * A statement in a list: its title and first words in the reader's language when there is a translation, its date of
 * issue (to the day or the month), the moment it went online here ({@code publishedAt}), and the organizations that
 * republished it here ({@code alsoPublishedBy}, shown with an original listed once).
 */
public record StatementSummary(
        StatementId id,
        String slug,
        String language,
        String title,
        String subtitle,
        String excerpt,
        Organization issuer,
        List<String> topics,
        LocalDate issuedOn,
        DatePrecision issuedPrecision,
        Instant publishedAt,
        Instant updatedAt,
        boolean republished,
        List<Organization> alsoPublishedBy) {

    /**
     * The date of issue as a moment, for formats that want one (Atom): the moment it went online when that was on its
     * day of issue, else the start of that day (or month), UTC.
     */
    public Instant issuedAt() {
        var start = issuedOn.atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean sameDay = issuedPrecision == DatePrecision.DAY
                && publishedAt.atZone(ZoneOffset.UTC).toLocalDate().equals(issuedOn);
        return sameDay ? publishedAt : start;
    }
}

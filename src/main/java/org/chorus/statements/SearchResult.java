package org.chorus.statements;

import java.time.LocalDate;
import java.util.List;
import org.chorus.organizations.Organization;

/**
 * A statement text that matches a search: {@code snippet} is plain text in which the matched words are wrapped in
 * the markers {@link #MARK_START} and {@link #MARK_END}, so a page can escape it and then highlight them. A statement
 * republished here is one result, its original, naming those that republished it ({@code alsoPublishedBy}).
 */
public record SearchResult(
        String slug,
        String language,
        boolean original,
        String title,
        String snippet,
        String issuerName,
        LocalDate issuedOn,
        DatePrecision issuedPrecision,
        List<Organization> alsoPublishedBy,
        double rank) {

    public static final String MARK_START = "\u0002";
    public static final String MARK_END = "\u0003";
}

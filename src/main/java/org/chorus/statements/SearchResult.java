package org.chorus.statements;

import java.time.Instant;

/**
 * A statement text that matches a search: {@code snippet} is plain text in which the matched words are wrapped in
 * the markers {@link #MARK_START} and {@link #MARK_END}, so a page can escape it and then highlight them.
 */
public record SearchResult(
        String slug,
        String language,
        boolean original,
        String title,
        String snippet,
        String issuerName,
        Instant publishedAt,
        double rank) {

    public static final String MARK_START = "\u0002";
    public static final String MARK_END = "\u0003";
}

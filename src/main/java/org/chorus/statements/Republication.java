package org.chorus.statements;

import java.time.LocalDate;

/**
 * Where a republished statement comes from: another statement on this Chorus ({@code sourceStatement}) or a page
 * elsewhere ({@code url}), with the original publisher and date for the attribution, and an optional introduction.
 */
public record Republication(
        StatementId sourceStatement,
        String url,
        String title,
        String publisher,
        LocalDate publishedOn,
        String introduction) {}

package org.chorus.statements.web;

import com.github.difflib.text.DiffRow;

/** Turns a diff row (already HTML-escaped by java-diff-utils) into HTML with {@code <del>} and {@code <ins>}. */
public final class DiffHtml {

    private DiffHtml() {}

    public static String line(DiffRow row) {
        return row.getOldLine()
                .replace("\u0001", "<del>")
                .replace("\u0002", "</del>")
                .replace("\u0003", "<ins>")
                .replace("\u0004", "</ins>");
    }

    /** A signatory as the signatures show one: "Name, Role, Organization", leaving out what is empty. */
    public static String signatory(org.chorus.statements.Signatory s) {
        return java.util.stream.Stream.of(s.name(), s.roleTitle(), s.organization())
                .filter(part -> part != null && !part.isBlank())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public static String kind(DiffRow row) {
        return row.getTag().name().toLowerCase(java.util.Locale.ROOT);
    }
}

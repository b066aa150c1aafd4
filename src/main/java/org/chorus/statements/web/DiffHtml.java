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

    public static String kind(DiffRow row) {
        return row.getTag().name().toLowerCase(java.util.Locale.ROOT);
    }
}

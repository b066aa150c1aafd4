package org.chorus.statements.web;

import org.chorus.statements.SearchResult;
import org.springframework.web.util.HtmlUtils;

/** Escapes a search snippet and turns its match markers into {@code <mark>}. */
public final class Snippets {

    private Snippets() {}

    public static String html(String snippet) {
        return HtmlUtils.htmlEscape(snippet == null ? "" : snippet)
                .replace(SearchResult.MARK_START, "<mark>")
                .replace(SearchResult.MARK_END, "</mark>");
    }
}

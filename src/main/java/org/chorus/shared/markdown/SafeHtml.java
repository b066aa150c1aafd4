package org.chorus.shared.markdown;

import java.util.regex.Pattern;
import org.owasp.html.Encoding;

/**
 * HTML that came out of the sanitizer in {@link Markdown}, so a template may write it out unescaped. Obtain it from
 * {@link Markdown#render} or {@link Markdown#sanitize}; build one directly only from a value that was, such as a
 * stored rendering.
 */
public record SafeHtml(String html) {

    static final SafeHtml EMPTY = new SafeHtml("");

    private static final String ELLIPSIS = "…";
    // Block boundaries become spaces so that "<p>One</p><p>Two</p>" reads "One Two", while inline tags vanish so
    // that "un<em>believ</em>able" stays one word.
    private static final Pattern BLOCK_TAG =
            Pattern.compile("</?(p|h[1-6]|pre|blockquote|ul|ol|li|hr|br|table|thead|tbody|tr|th|td)\\b[^>]*>");
    // The sanitizer escapes every '<' and '>' in text and attribute values, so in its output they only bound tags.
    private static final Pattern ANY_TAG = Pattern.compile("<[^>]*>");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:\\-–—]+$");

    public SafeHtml {
        html = html == null ? "" : html;
    }

    /**
     * The same HTML with the images Chorus hosts at absolute addresses under {@code baseUrl} (Chorus's own), for
     * letters and API clients, whose readers are not on Chorus's pages.
     */
    public SafeHtml withAbsoluteImages(String baseUrl) {
        return new SafeHtml(HostedImages.absolute(html, baseUrl));
    }

    /**
     * The text a reader sees, without tags and with whitespace collapsed: for search and meta descriptions. It is
     * plain text again, so it must be escaped wherever it is written into HTML.
     */
    public String plainText() {
        var blocksSeparated = BLOCK_TAG.matcher(html).replaceAll(" ");
        var text = Encoding.decodeHtml(ANY_TAG.matcher(blocksSeparated).replaceAll(""), false);
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /**
     * The text a reader sees, one line per block (paragraph, heading, list item, cell, line break), without tags or
     * empty lines: what a comparison of two versions compares, so it shows words and not Markdown or HTML syntax.
     */
    public java.util.List<String> lines() {
        var blocksSeparated = BLOCK_TAG.matcher(html).replaceAll("\n");
        var text = Encoding.decodeHtml(ANY_TAG.matcher(blocksSeparated).replaceAll(""), false);
        return text.lines()
                .map(line -> WHITESPACE.matcher(line).replaceAll(" ").strip())
                .filter(line -> !line.isEmpty())
                .toList();
    }

    /** The plain text cut at a word boundary to at most {@code maxChars} characters, ellipsis included. */
    public String excerpt(int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("an excerpt needs room for at least one character");
        }
        var text = plainTextLongerThan(maxChars);
        if (text.length() <= maxChars) {
            return text;
        }
        var room = maxChars - ELLIPSIS.length();
        var lastSpace = text.lastIndexOf(' ', room);
        String head;
        if (lastSpace > 0) {
            head = text.substring(0, lastSpace);
        } else {
            // One word longer than the excerpt: cut inside it, but never between the halves of a surrogate pair.
            var end = room > 0 && Character.isHighSurrogate(text.charAt(room - 1)) ? room - 1 : room;
            head = text.substring(0, end);
        }
        return TRAILING_PUNCTUATION.matcher(head).replaceAll("") + ELLIPSIS;
    }

    /**
     * The plain text of the HTML's beginning, enough to hold more than {@code length} characters, or all of it: a page's
     * meta description needs 160 characters, not the plain text of a 4 KB body (a tenth of a statement page's work).
     * The HTML is cut just before a tag, so no tag or character reference is cut in half.
     */
    private String plainTextLongerThan(int length) {
        for (long from = Math.max(4L * length, 1024); from < html.length(); from *= 4) {
            var cut = html.indexOf('<', (int) from);
            if (cut < 0) {
                break;
            }
            var text = new SafeHtml(html.substring(0, cut)).plainText();
            if (text.length() > length) {
                return text;
            }
        }
        return plainText();
    }
}

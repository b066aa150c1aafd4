package org.chorus.shared;

import java.util.regex.Pattern;

/**
 * Text is stored with "\n" between lines, whatever sent it: browsers submit a textarea with "\r\n", and old systems
 * write a lone "\r". Applied to every request parameter and form field ({@code shared.web.LineEndingsOnInput}) and to
 * text brought in from elsewhere, so the API, feeds and diffs never show a stray "\r" (decision 0019).
 */
public final class LineEndings {

    private static final Pattern OTHER_LINE_ENDINGS = Pattern.compile("\r\n?");

    private LineEndings() {}

    /** The text with each "\r\n" and lone "\r" replaced by "\n"; {@code null} stays {@code null}. */
    public static String normalized(String text) {
        if (text == null || text.indexOf('\r') < 0) {
            return text;
        }
        return OTHER_LINE_ENDINGS.matcher(text).replaceAll("\n");
    }
}

package org.chorus.email;

import java.util.regex.Pattern;

/**
 * Text that ends up in a header (subjects, names): line breaks and other control characters become spaces, so no
 * value can add a header or end the header block; Jakarta Mail encodes what is not ASCII as RFC 2047 encoded words
 * itself, and encoded words typed by someone are encoded again rather than decoded.
 */
final class HeaderText {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\u0085]+");
    private static final int MAX_LENGTH = 200;

    private HeaderText() {}

    static String clean(String value) {
        if (value == null) {
            return "";
        }
        var cleaned = CONTROL.matcher(value).replaceAll(" ").strip();
        return cleaned.length() > MAX_LENGTH ? cleaned.substring(0, MAX_LENGTH - 1) + "…" : cleaned;
    }
}

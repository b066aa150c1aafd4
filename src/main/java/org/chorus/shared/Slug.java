package org.chorus.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** A readable, URL-safe identifier such as {@code global-climate-justice-coalition}. */
public record Slug(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_LENGTH = 80;

    public Slug {
        if (value == null
                || value.length() > MAX_LENGTH
                || !VALID.matcher(value).matches()) {
            throw DomainException.invalid("slug.invalid", String.valueOf(value));
        }
    }

    /** Derives a slug from a name: accents dropped, everything else that is not a letter or digit becomes a dash. */
    public static String suggest(String name) {
        var ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (ascii.length() > MAX_LENGTH - 4) {
            ascii = ascii.substring(0, MAX_LENGTH - 4).replaceAll("-+$", "");
        }
        return ascii;
    }

    public static boolean isValid(String value) {
        return value != null
                && value.length() <= MAX_LENGTH
                && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}

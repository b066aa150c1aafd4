package org.chorus.shared;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.regex.Pattern;

/** A readable, URL-safe identifier such as {@code global-climate-justice-coalition}. */
public record Slug(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_LENGTH = 80;
    /** Room left for a "-2", "-3"… when the suggested slug is taken. */
    private static final int SUGGESTED_MAX = MAX_LENGTH - 4;

    // Thread-safe once built (ICU's transliterators synchronize internally), and expensive to build.
    private static final Transliterator TO_LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    public Slug {
        if (value == null
                || value.length() > MAX_LENGTH
                || !VALID.matcher(value).matches()) {
            throw DomainException.invalid("slug.invalid", String.valueOf(value));
        }
    }

    /**
     * Derives a slug from a name in any script: non-Latin names are transliterated ("Лига" → liga, "北京" → bei-jing),
     * accents dropped, everything else that is not a letter or digit becomes a dash, and a long name is cut between two
     * words, never inside one.
     */
    public static String suggest(String name) {
        return suggest(name, SUGGESTED_MAX);
    }

    /** As {@link #suggest(String)}, no longer than {@code maxLength}. */
    public static String suggest(String name, int maxLength) {
        var ascii = TO_LATIN.transliterate(name == null ? "" : name)
                // marks inside transliterated words (ʿ for Arabic ع) would otherwise split them
                .replaceAll("\\p{Lm}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return shortened(ascii, maxLength);
    }

    /** Cuts at the last dash that keeps the slug within the limit; a single word longer than the limit is cut. */
    static String shortened(String slug, int maxLength) {
        if (slug.length() <= maxLength) {
            return slug;
        }
        var cut = slug.lastIndexOf('-', maxLength);
        var shortened = cut > 0 ? slug.substring(0, cut) : slug.substring(0, maxLength);
        return shortened.replaceAll("-+$", "");
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

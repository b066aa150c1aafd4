package org.chorus.shared.i18n;

import java.util.Locale;
import java.util.Set;

/**
 * Which way text in a language runs, for the HTML {@code dir} attribute of pages, statements and letters: the one
 * answer for every language a statement, an announcement or the interface may be written in. A script subtag decides
 * ({@code ku-Arab}, {@code az-Arab}, {@code pa-Arab} and {@code ms-Arab} are right-to-left, {@code ug-Cyrl} and {@code
 * sd-Deva} left-to-right); without one, the language's usual script does (as in CLDR's likely subtags: {@code ku}
 * alone is Kurmanji in Latin letters, {@code ckb} Sorani in Arabic letters).
 */
public final class TextDirection {

    /** ISO 15924 codes of the scripts written right to left (Unicode's bidirectional class R or AL). */
    static final Set<String> RIGHT_TO_LEFT_SCRIPTS = Set.of(
            "adlm", "arab", "aran", "armi", "avst", "chrs", "cprt", "elym", "hatr", "hebr", "hung", "khar", "lydi",
            "mand", "mani", "mend", "merc", "mero", "narb", "nbat", "nkoo", "orkh", "ougr", "palm", "phli", "phlp",
            "phlv", "phnx", "prti", "rohg", "samr", "sarb", "sogd", "sogo", "syrc", "syre", "syrj", "syrn", "thaa",
            "yezi");

    /** Languages whose usual script runs right to left when the tag names no script. */
    static final Set<String> RIGHT_TO_LEFT_LANGUAGES = Set.of(
            // Arabic and its spoken varieties
            "ar",
            "arz",
            "ary",
            "arq",
            "aeb",
            "apc",
            "apd",
            "acm",
            "acq",
            "afb",
            "ajp",
            "ars",
            "ayl",
            "shu",
            // Hebrew script (iw and ji are the old codes of Hebrew and Yiddish)
            "he",
            "iw",
            "yi",
            "ji",
            // Persian and Iranian languages in Arabic script
            "fa",
            "prs",
            "ps",
            "bal",
            "bgn",
            "bcc",
            "ckb",
            "sdh",
            "lki",
            "lrc",
            "mzn",
            "glk",
            "bqi",
            // South Asian languages in Perso-Arabic script
            "ur",
            "sd",
            "ks",
            "pnb",
            "skr",
            "khw",
            "brh",
            // Turkic languages in Arabic script
            "ug",
            "azb",
            "ota",
            // Thaana, Syriac, N'Ko, Hanifi Rohingya, Samaritan, Mandaic
            "dv",
            "syr",
            "aii",
            "cld",
            "nqo",
            "rhg",
            "smp",
            "sam",
            "mid");

    private TextDirection() {}

    /** {@code "rtl"} or {@code "ltr"}, for a BCP 47 language tag ({@code "ltr"} when it is blank or malformed). */
    public static String of(String languageTag) {
        return rightToLeft(languageTag) ? "rtl" : "ltr";
    }

    public static boolean rightToLeft(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return false;
        }
        var locale = Locale.forLanguageTag(languageTag.strip().replace('_', '-'));
        var script = locale.getScript();
        if (!script.isEmpty()) {
            return RIGHT_TO_LEFT_SCRIPTS.contains(script.toLowerCase(Locale.ROOT));
        }
        return RIGHT_TO_LEFT_LANGUAGES.contains(locale.getLanguage());
    }
}

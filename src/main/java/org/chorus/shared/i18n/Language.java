package org.chorus.shared.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Chorus's interface ships in. */
public enum Language {
    ENGLISH("en", "English"),
    FRENCH("fr", "Français"),
    SPANISH("es", "Español"),
    ARABIC("ar", "العربية");

    private final String tag;
    private final String nativeName;

    Language(String tag, String nativeName) {
        this.tag = tag;
        this.nativeName = nativeName;
    }

    public static final Language DEFAULT = ENGLISH;

    public static List<Language> all() {
        return List.of(values());
    }

    public static Optional<Language> byTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        var language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return Arrays.stream(values()).filter(l -> l.tag.equals(language)).findFirst();
    }

    public static Language of(Locale locale) {
        return locale == null ? DEFAULT : byTag(locale.toLanguageTag()).orElse(DEFAULT);
    }

    public String tag() {
        return tag;
    }

    public String nativeName() {
        return nativeName;
    }

    public boolean rightToLeft() {
        return TextDirection.rightToLeft(tag);
    }

    public String direction() {
        return TextDirection.of(tag);
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }
}

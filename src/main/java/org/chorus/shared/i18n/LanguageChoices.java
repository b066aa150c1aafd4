package org.chorus.shared.i18n;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The languages a statement can be written or searched in, as choices named in the reader's language ("allemand",
 * "German", "الألمانية"): the ISO 639-1 languages Java can name, sorted as the reader's language sorts.
 */
public final class LanguageChoices {

    /** One choice: the ISO 639 code sent with the form and the language's name for the reader. */
    public record Choice(String tag, String name) {}

    private LanguageChoices() {}

    /**
     * The choices in each reader's language, named and sorted once: about 180 names and a collation, which every form
     * and list filter with a language would otherwise compute again (a tenth of a search page's time).
     */
    private static final Map<Locale, List<Choice>> NAMED = new ConcurrentHashMap<>();

    /** Every language, plus {@code kept} when it is a code outside the list (a value saved before), never lost. */
    public static List<Choice> of(Locale reader, String kept) {
        var choices = NAMED.computeIfAbsent(reader, LanguageChoices::named);
        var keep = kept == null ? "" : kept.strip().toLowerCase(Locale.ROOT);
        if (keep.isEmpty() || choices.stream().anyMatch(c -> c.tag().equals(keep))) {
            return choices;
        }
        var name = Locale.forLanguageTag(keep).getDisplayLanguage(reader);
        var with = new ArrayList<>(choices);
        with.add(new Choice(keep, name.isBlank() ? keep : name));
        with.sort(Comparator.comparing(Choice::name, Collator.getInstance(reader)));
        return List.copyOf(with);
    }

    private static List<Choice> named(Locale reader) {
        var choices = new ArrayList<Choice>();
        for (var tag : Locale.getISOLanguages()) {
            var name = Locale.forLanguageTag(tag).getDisplayLanguage(reader);
            if (!name.isBlank() && !name.equalsIgnoreCase(tag)) {
                choices.add(new Choice(tag, name));
            }
        }
        choices.sort(Comparator.comparing(Choice::name, Collator.getInstance(reader)));
        return List.copyOf(choices);
    }
}

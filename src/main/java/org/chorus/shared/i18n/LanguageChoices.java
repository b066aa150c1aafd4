package org.chorus.shared.i18n;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The languages a statement can be written or searched in, as choices named in the reader's language ("allemand",
 * "German", "الألمانية"): the ISO 639-1 languages Java can name, sorted as the reader's language sorts.
 */
public final class LanguageChoices {

    /** One choice: the ISO 639 code sent with the form and the language's name for the reader. */
    public record Choice(String tag, String name) {}

    private LanguageChoices() {}

    /** Every language, plus {@code kept} when it is a code outside the list (a value saved before), never lost. */
    public static List<Choice> of(Locale reader, String kept) {
        var choices = new ArrayList<Choice>();
        for (var tag : Locale.getISOLanguages()) {
            var name = Locale.forLanguageTag(tag).getDisplayLanguage(reader);
            if (!name.isBlank() && !name.equalsIgnoreCase(tag)) {
                choices.add(new Choice(tag, name));
            }
        }
        var keep = kept == null ? "" : kept.strip().toLowerCase(Locale.ROOT);
        if (!keep.isEmpty() && choices.stream().noneMatch(c -> c.tag().equals(keep))) {
            var name = Locale.forLanguageTag(keep).getDisplayLanguage(reader);
            choices.add(new Choice(keep, name.isBlank() ? keep : name));
        }
        var collator = Collator.getInstance(reader);
        choices.sort(Comparator.comparing(Choice::name, collator));
        return choices;
    }
}

package org.chorus.shared.i18n;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** ISO 3166 country codes sorted by their name in the viewer's language, for country pickers. */
public final class Countries {

    private static final Map<Locale, List<String>> SORTED = new ConcurrentHashMap<>();

    private Countries() {}

    public static List<String> sorted(Locale locale) {
        return SORTED.computeIfAbsent(locale, l -> {
            var collator = Collator.getInstance(l);
            return Arrays.stream(Locale.getISOCountries())
                    .sorted(Comparator.comparing(c -> Locale.of("", c).getDisplayCountry(l), collator))
                    .toList();
        });
    }
}

package org.chorus.demo.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The installed word lists generated text is made of, one per language, from Debian packages: cleaned to words of
 * letters only (no possessives, numbers or abbreviations), then shuffled by the seed, so that which word is common
 * depends on the seed and not on the alphabet.
 */
final class WordLists {

    /** Where a language's words come from, and the package that installs them. */
    record Source(String language, Path path, String debianPackage, boolean hunspell) {}

    static final List<Source> SOURCES = List.of(
            new Source("en", Path.of("/usr/share/dict/american-english"), "wamerican", false),
            new Source("fr", Path.of("/usr/share/dict/french"), "wfrench", false),
            new Source("es", Path.of("/usr/share/dict/spanish"), "wspanish", false),
            new Source("ar", Path.of("/usr/share/hunspell/ar.dic"), "hunspell-ar", true),
            new Source("de", Path.of("/usr/share/dict/ngerman"), "wngerman", false));

    /** At most this many words per language: enough for a long tail that is still used at 100,000 statements. */
    static final int MAX_WORDS = 100_000;

    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

    private WordLists() {}

    /** The missing word lists, each with the package that installs it; empty when all are there. */
    static List<String> missing() {
        return missing(SOURCES);
    }

    static List<String> missing(List<Source> sources) {
        var missing = new ArrayList<String>();
        for (var source : sources) {
            if (!Files.isReadable(source.path())) {
                missing.add(source.path() + " (apt-get install " + source.debianPackage() + ")");
            }
        }
        return missing;
    }

    /** Each language's cleaned words, shuffled by the seed, in the order of {@link #SOURCES}. */
    static Map<String, List<String>> load(long seed) {
        var lists = new LinkedHashMap<String, List<String>>();
        for (var source : SOURCES) {
            lists.put(
                    source.language(),
                    shuffled(read(source), seed ^ source.language().hashCode()));
        }
        return lists;
    }

    static List<String> read(Source source) {
        try (var lines = Files.lines(source.path(), StandardCharsets.UTF_8)) {
            var seen = new LinkedHashMap<String, String>();
            lines.map(line -> {
                        var word = line.strip();
                        var slash = source.hunspell() ? word.indexOf('/') : -1;
                        return slash >= 0 ? word.substring(0, slash) : word;
                    })
                    .filter(word -> LETTERS.matcher(word).matches())
                    .forEach(word -> seen.putIfAbsent(word.toLowerCase(Locale.ROOT), word));
            var words = new ArrayList<>(seen.values());
            // the same words in the same order whatever order the package lists them in
            Collections.sort(words);
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + source.path(), e);
        }
    }

    static List<String> shuffled(List<String> words, long seed) {
        var copy = new ArrayList<>(words);
        Collections.shuffle(copy, new Random(seed));
        return copy.size() > MAX_WORDS ? new ArrayList<>(copy.subList(0, MAX_WORDS)) : copy;
    }
}

package org.chorus.demo.generate;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The words of one language in rank order, most common first, drawn with Zipf's law (exponent 1): the word of rank r
 * comes up in proportion to 1/r, so generated text has a few very common words, many of middling frequency and a long
 * tail of rare ones, as real text has.
 */
final class Vocabulary {

    private final String language;
    private final List<String> words;
    private final double[] cumulative;

    Vocabulary(String language, List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no words for " + language);
        }
        this.language = language;
        this.words = List.copyOf(words);
        this.cumulative = new double[words.size()];
        double sum = 0;
        for (int rank = 1; rank <= words.size(); rank++) {
            sum += 1.0 / rank;
            cumulative[rank - 1] = sum;
        }
    }

    String language() {
        return language;
    }

    /** The words in rank order: rank 1 first. */
    List<String> words() {
        return words;
    }

    /** One word, Zipf-distributed. */
    String draw(RandomGenerator random) {
        var target = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, target);
        return words.get(Math.min(index < 0 ? -index - 1 : index, words.size() - 1));
    }

    /** A word of at least {@code minLength} letters, for names, which read oddly when short. */
    String drawLong(RandomGenerator random, int minLength) {
        for (int i = 0; i < 20; i++) {
            var word = draw(random);
            if (word.length() >= minLength) {
                return word;
            }
        }
        return words.get(random.nextInt(words.size()));
    }
}

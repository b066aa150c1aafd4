package org.chorus.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * The 135,000 cities of {@code places/cities.tsv.gz} (made at build time by src/main/frontend/build.mjs) as parallel
 * arrays, read once per JVM on first use: about 20 MB, where as many records with their own strings and maps would
 * take several times that. Searching walks a sorted array of name keys (a city's folded name and each later word of
 * it, so "paulo" finds São Paulo), packed as city index and offset into one {@code long}.
 */
final class CityTable {

    private static final String RESOURCE = "places/cities.tsv.gz";

    final int size;
    final int[] ids;
    final String[] names;
    final String[] folded;
    final String[] countries;
    final int[] latitudes; // degrees × 100,000
    final int[] longitudes;
    final int[] populations;
    /** Name keys, sorted: city index << 8 | offset of the word in its folded name. */
    final long[] keys;
    /** City indexes sorted by GeoNames id. */
    final int[] byId;

    private CityTable(ArrayList<String[]> rows) {
        size = rows.size();
        ids = new int[size];
        names = new String[size];
        folded = new String[size];
        countries = new String[size];
        latitudes = new int[size];
        longitudes = new int[size];
        populations = new int[size];
        var words = new ArrayList<Long>(size * 2);
        for (int i = 0; i < size; i++) {
            var row = rows.get(i);
            ids[i] = Integer.parseInt(row[0]);
            names[i] = row[1];
            folded[i] = fold(row[1]);
            countries[i] = row[2].intern();
            latitudes[i] = Integer.parseInt(row[4]);
            longitudes[i] = Integer.parseInt(row[5]);
            populations[i] = Integer.parseInt(row[6]);
            var name = folded[i];
            for (int offset = 0; offset < Math.min(name.length(), 256); offset++) {
                if (offset == 0 || name.charAt(offset - 1) == ' ') {
                    words.add((long) i << 8 | offset);
                }
            }
        }
        keys = words.stream()
                .sorted((a, b) -> compareKeys(a, b))
                .mapToLong(Long::longValue)
                .toArray();
        byId = java.util.stream.IntStream.range(0, size)
                .boxed()
                .sorted((a, b) -> Integer.compare(ids[a], ids[b]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static final class Holder {
        static final CityTable TABLE = read();
    }

    static CityTable get() {
        return Holder.TABLE;
    }

    int city(long key) {
        return (int) (key >>> 8);
    }

    String keyText(long key) {
        return folded[city(key)].substring((int) (key & 0xff));
    }

    private int compareKeys(long a, long b) {
        var textA = folded[city(a)];
        var textB = folded[city(b)];
        int i = (int) (a & 0xff);
        int j = (int) (b & 0xff);
        while (i < textA.length() && j < textB.length()) {
            int c = Character.compare(textA.charAt(i++), textB.charAt(j++));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(textA.length() - i, textB.length() - j);
    }

    /** The first key whose text is not before the prefix. */
    int firstAtOrAfter(String prefix) {
        int low = 0;
        int high = keys.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (keyText(keys[middle]).compareTo(prefix) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The index of the city with this GeoNames id, or -1. */
    int indexOfId(long id) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long found = ids[byId[middle]];
            if (found < id) {
                low = middle + 1;
            } else if (found > id) {
                high = middle - 1;
            } else {
                return byId[middle];
            }
        }
        return -1;
    }

    /**
     * A name as searched: without accents or case, letters that do not decompose spelled in ASCII (ø, ł, ß, æ …),
     * anything that is not a letter or digit a single space. Queries go through the same folding.
     */
    static String fold(String text) {
        var decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        var out = new StringBuilder(decomposed.length());
        boolean space = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.ENCLOSING_MARK) {
                continue;
            }
            var replacement = switch (c) {
                case 'ø' -> "o";
                case 'ł' -> "l";
                case 'đ', 'ð' -> "d";
                case 'ß' -> "ss";
                case 'æ' -> "ae";
                case 'œ' -> "oe";
                case 'þ' -> "th";
                case 'ı' -> "i";
                case 'ħ' -> "h";
                default -> null;
            };
            if (replacement != null) {
                out.append(replacement);
                space = false;
            } else if (Character.isLetterOrDigit(c)) {
                out.append(c);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        var length = out.length();
        return (length > 0 && out.charAt(length - 1) == ' ' ? out.substring(0, length - 1) : out.toString());
    }

    private static CityTable read() {
        var in = Objects.requireNonNull(
                CityTable.class.getClassLoader().getResourceAsStream(RESOURCE),
                RESOURCE + " is made by the build (src/main/frontend/build.mjs)");
        var rows = new ArrayList<String[]>(140_000);
        try (var reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                var row = line.split("\t", -1);
                if (row.length == 7) {
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE, e);
        }
        return new CityTable(rows);
    }
}

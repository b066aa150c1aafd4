package org.chorus.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The time zone of a place, from tzdata's tables (public domain, bundled): a country with one zone in {@code
 * zone.tab} has that one (Copenhagen gets Europe/Copenhagen, not the Europe/Berlin it shares rules with since 1970);
 * otherwise the zone of {@code zone1970.tab} whose principal location is nearest, among the zones the country is
 * listed first for (Munich gets Europe/Berlin, not the Europe/Zurich that also covers Büsingen), else among all that
 * list it, else among all. A guess good for most cities; a host can always choose another zone.
 */
public final class PlaceTimeZones {

    private record Zone(List<String> countries, double latitude, double longitude, ZoneId id) {}

    private static final List<Zone> SINCE_1970 = read("places/zone1970.tab");
    private static final List<Zone> BY_COUNTRY = read("places/zone.tab");

    private PlaceTimeZones() {}

    /** The zone of a place in the given country (ISO 3166 alpha-2; unknown or blank: the nearest zone anywhere). */
    public static ZoneId of(String countryCode, double latitude, double longitude) {
        var country = countryCode == null ? "" : countryCode.strip().toUpperCase(java.util.Locale.ROOT);
        var own =
                BY_COUNTRY.stream().filter(z -> z.countries().contains(country)).toList();
        if (own.size() == 1) {
            return own.getFirst().id();
        }
        var candidates =
                among(z -> !z.countries().isEmpty() && z.countries().getFirst().equals(country));
        if (candidates.isEmpty()) {
            candidates = among(z -> z.countries().contains(country));
        }
        if (candidates.isEmpty()) {
            candidates = SINCE_1970;
        }
        return candidates.stream()
                .min(Comparator.comparingDouble(z -> distance(latitude, longitude, z.latitude(), z.longitude())))
                .orElseThrow()
                .id();
    }

    private static List<Zone> among(Predicate<Zone> test) {
        return SINCE_1970.stream().filter(test).toList();
    }

    /** The angle between two points on the sphere (haversine), enough to compare distances. */
    static double distance(double lat1, double lon1, double lat2, double lon2) {
        var dLat = Math.toRadians(lat2 - lat1);
        var dLon = Math.toRadians(lon2 - lon1);
        var a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static List<Zone> read(String resource) {
        var known = Set.copyOf(ZoneId.getAvailableZoneIds());
        var zones = new ArrayList<Zone>();
        var in = Objects.requireNonNull(
                PlaceTimeZones.class.getClassLoader().getResourceAsStream(resource), resource + " is bundled");
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var columns = line.split("\t");
                // a zone newer than this JDK's rules cannot be used for dates yet: the next nearest one is taken
                if (columns.length >= 3 && known.contains(columns[2])) {
                    var position = columns[1];
                    var split = Math.max(position.lastIndexOf('+'), position.lastIndexOf('-'));
                    zones.add(new Zone(
                            List.of(columns[0].split(",")),
                            iso6709(position.substring(0, split)),
                            iso6709(position.substring(split)),
                            ZoneId.of(columns[2])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
        return List.copyOf(zones);
    }

    /** ±DDMM, ±DDDMM, ±DDMMSS or ±DDDMMSS as degrees. */
    static double iso6709(String value) {
        var sign = value.charAt(0) == '-' ? -1 : 1;
        var digits = value.substring(1);
        var degreeDigits = digits.length() % 2 == 0 ? 2 : 3;
        var seconds = digits.length() - degreeDigits == 4 ? Integer.parseInt(digits.substring(degreeDigits + 2)) : 0;
        var degrees = Integer.parseInt(digits.substring(0, degreeDigits))
                + Integer.parseInt(digits.substring(degreeDigits, degreeDigits + 2)) / 60.0
                + seconds / 3600.0;
        return sign * degrees;
    }
}

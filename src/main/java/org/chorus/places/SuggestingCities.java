package org.chorus.places;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.chorus.shared.DomainException;
import org.chorus.shared.NetworkPrefix;
import org.chorus.shared.RateLimits;
import org.springframework.stereotype.Component;

/**
 * A person types a city and is offered the cities it may be, from the bundled gazetteer: the same answer for
 * everyone, limited per network prefix (Bucket4j, in memory) so no one walks the whole gazetteer through it.
 */
@Component
public class SuggestingCities {

    /** How many cities a suggestion list shows. */
    public static final int SHOWN = 10;

    private static final int MAX_TRACKED = 100_000;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Gazetteer gazetteer;
    private final PlacesSettings settings;
    private final RateLimits limits = new RateLimits(Duration.ofMinutes(1), MAX_TRACKED);

    SuggestingCities(Gazetteer gazetteer, PlacesSettings settings) {
        this.gazetteer = gazetteer;
        this.settings = settings;
    }

    /**
     * The cities a query may mean, most populous first, in the country if one is given (an ISO 3166 code, blank for
     * any); {@code places.country-unknown} (400) for a code that is no country, {@code places.rate-limited} (429)
     * past the network's allowance.
     */
    public List<City> suggest(String query, String country, String remoteAddress) {
        var code = country(country);
        take(remoteAddress);
        return gazetteer.suggest(query, code, SHOWN);
    }

    private void take(String remoteAddress) {
        long wait = limits.take("network:" + NetworkPrefix.hash(remoteAddress), settings.suggestionsPerMinute());
        if (wait > 0) {
            throw new DomainException(429, "places.rate-limited", wait);
        }
    }

    /**
     * The city nearest to a position a person's browser gave ("near me"; it goes to Chorus only): coordinates out of
     * range are 400, and each question counts against the network's allowance like a suggestion.
     */
    public City nearest(double latitude, double longitude, String remoteAddress) {
        BoundingBox.latitude(latitude);
        BoundingBox.longitude(longitude);
        take(remoteAddress);
        return gazetteer.nearest(latitude, longitude);
    }

    /** The city with this GeoNames id: {@code places.city-unknown} (404) when the gazetteer has none. */
    public City city(long geonamesId) {
        return gazetteer.city(geonamesId).orElseThrow(() -> new DomainException(404, "places.city-unknown"));
    }

    private static Optional<String> country(String country) {
        if (country == null || country.isBlank()) {
            return Optional.empty();
        }
        var code = country.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw new DomainException(400, "places.country-unknown");
        }
        return Optional.of(code);
    }
}

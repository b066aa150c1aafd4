package org.chorus.places.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.chorus.places.City;
import org.chorus.places.SuggestingCities;
import org.chorus.shared.web.Ui;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * City suggestions as JSON ({@code Accept: application/json}) for the map's search box, and the city nearest to a
 * position for "near me"; the page and the htmx list at
 * the same address are {@code web.CitiesController}. Errors are Problem Details in the reader's language.
 */
@RestController
class CitySuggestions {

    private final SuggestingCities suggesting;

    CitySuggestions(SuggestingCities suggesting) {
        this.suggesting = suggesting;
    }

    /** A city as the search box reads it: its name as GeoNames writes it, its country in the reader's language. */
    record Suggestion(
            long id,
            String name,
            String country,
            String countryName,
            double latitude,
            double longitude,
            String timeZone) {
        static Suggestion of(City city, Ui ui) {
            return new Suggestion(
                    city.id(),
                    city.name(),
                    city.countryCode(),
                    ui.country(city.countryCode()),
                    city.latitude(),
                    city.longitude(),
                    city.timeZone().getId());
        }
    }

    /** "Near me": the city nearest to the position the browser gave, which goes to Chorus and nowhere else. */
    @GetMapping(value = "/places/cities/nearest", produces = MediaType.APPLICATION_JSON_VALUE)
    Suggestion nearest(@RequestParam double lat, @RequestParam double lon, Ui ui, HttpServletRequest request) {
        return Suggestion.of(suggesting.nearest(lat, lon, request.getRemoteAddr()), ui);
    }

    @GetMapping(value = "/places/cities", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Suggestion> suggest(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String country,
            Ui ui,
            HttpServletRequest request) {
        return suggesting.suggest(q, country, request.getRemoteAddr()).stream()
                .map(city -> Suggestion.of(city, ui))
                .toList();
    }
}

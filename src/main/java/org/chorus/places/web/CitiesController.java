package org.chorus.places.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.chorus.places.City;
import org.chorus.places.SuggestingCities;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * City suggestions from the bundled gazetteer as a page with a form that works without JavaScript (type, submit, pick)
 * and as the list alone, for htmx to put under a field as a person types; JSON at the same address is {@code
 * api.CitySuggestions}. Not kept by the public page cache: each answer takes well under a millisecond in memory, and
 * every prefix someone types would be a page kept once and never asked again.
 */
@Controller
class CitiesController {

    private final SuggestingCities suggesting;

    CitiesController(SuggestingCities suggesting) {
        this.suggesting = suggesting;
    }

    @GetMapping("/places/cities")
    String page(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String country,
            @RequestParam(required = false) Long city,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Ui ui,
            Model model,
            HttpServletRequest request) {
        var cities = q.isBlank() ? List.<City>of() : suggesting.suggest(q, country, request.getRemoteAddr());
        model.addAttribute("query", q);
        model.addAttribute("country", country);
        model.addAttribute("cities", cities);
        model.addAttribute("chosen", city == null ? null : suggesting.city(city));
        return htmx != null ? "places/city-choices" : "places/cities";
    }
}

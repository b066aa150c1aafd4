package org.chorus.actions.web;

import org.chorus.actions.ActionFilter;
import org.chorus.actions.NearbyActions;
import org.chorus.shared.DomainException;
import org.chorus.shared.web.PublicPage;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Find an action near you", without JavaScript: type a city, see the nearest actions; with it, "near me" asks the
 * browser where it is, asks Chorus for the nearest city and comes here with that city's id, so the address (and the
 * page cache) names a city, never a position.
 */
@Controller
class NearbyActionsController {

    private final NearbyActions nearby;

    NearbyActionsController(NearbyActions nearby) {
        this.nearby = nearby;
    }

    @GetMapping("/c/{slug}/actions/near")
    @PublicPage(parameters = {"place", "city", "kind"})
    String near(
            @PathVariable String slug,
            @RequestParam(required = false) String place,
            @RequestParam(required = false) String city,
            @RequestParam(required = false) String kind,
            Ui ui,
            Model model) {
        var filter = ActionFilter.parse(kind, null, null, false);
        model.addAttribute("found", nearby.near(slug, place, cityId(city), filter.kind(), ui.lang()));
        model.addAttribute("kind", filter.kind());
        return "actions/near";
    }

    private static Long cityId(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(typed.strip());
        } catch (NumberFormatException e) {
            throw new DomainException(400, "actions.near.city-unknown");
        }
    }
}

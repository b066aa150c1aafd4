package org.chorus.places.web;

import org.chorus.shared.web.PublicPage;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Who made the data and libraries the maps, places and calendars are built on, as their licences ask to say. */
@Controller
class CreditsController {

    @GetMapping("/credits")
    @PublicPage
    String credits() {
        return "places/credits";
    }
}

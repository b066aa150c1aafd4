package org.chorus.organizations.web;

import org.chorus.organizations.CoalitionDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: each coalition and its structure. */
@Controller
class HomeController {

    private final CoalitionDirectory directory;

    HomeController(CoalitionDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("coalitions", directory.coalitions());
        return "organizations/home";
    }
}

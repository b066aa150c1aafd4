package org.chorus.organizations.web;

import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The organizations a person belongs to, with their role in each. */
@Controller
class YourOrganizationsController {

    private final CoalitionDirectory directory;

    YourOrganizationsController(CoalitionDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/account/organizations")
    String yours(Actor actor, Model model) {
        model.addAttribute("memberships", directory.membershipsOf(actor));
        return "organizations/yours";
    }
}

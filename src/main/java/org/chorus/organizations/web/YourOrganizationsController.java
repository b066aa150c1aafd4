package org.chorus.organizations.web;

import org.chorus.accounts.ChorusUser;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
    String yours(@AuthenticationPrincipal ChorusUser user, Model model) {
        model.addAttribute("memberships", directory.membershipsOf(Actor.of(user)));
        return "organizations/yours";
    }
}

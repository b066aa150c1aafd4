package org.chorus.signons.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.Actor;
import org.chorus.signons.DesignatingOrganizers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owners' page designating members of an organization as organizers of its statements' sign-ons. */
@Controller
class SignOnOrganizersController {

    private final DesignatingOrganizers designating;

    SignOnOrganizersController(DesignatingOrganizers designating) {
        this.designating = designating;
    }

    @GetMapping("/o/{slug}/sign-on-organizers")
    String organizers(@PathVariable String slug, Actor actor, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "private, no-store");
        model.addAttribute("designations", designating.designations(actor, slug));
        return "signons/organizers";
    }

    @PostMapping("/o/{slug}/sign-on-organizers/{account}")
    String designate(
            @PathVariable String slug,
            @PathVariable UUID account,
            @RequestParam(defaultValue = "false") boolean organizer,
            Actor actor,
            RedirectAttributes redirect) {
        designating.designate(actor, slug, new AccountId(account), organizer);
        redirect.addFlashAttribute(
                "notice", organizer ? "signons.organizers.designated" : "signons.organizers.withdrawn");
        return "redirect:/o/" + slug + "/sign-on-organizers";
    }
}

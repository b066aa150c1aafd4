package org.chorus.organizations.web;

import org.chorus.organizations.Actor;
import org.chorus.organizations.ManagingMembers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The invited person opens the link (after signing in) and accepts. */
@Controller
class InvitationController {

    private final ManagingMembers members;

    InvitationController(ManagingMembers members) {
        this.members = members;
    }

    @GetMapping("/invitations/{token}")
    String show(@PathVariable String token, Model model) {
        model.addAttribute("invitation", members.invitation(token));
        model.addAttribute("token", token);
        return "organizations/invitation";
    }

    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token, Actor actor, RedirectAttributes redirect) {
        var organization = members.accept(actor, token);
        redirect.addFlashAttribute("notice", "invitation.accepted");
        return "redirect:/o/" + organization.slug();
    }
}

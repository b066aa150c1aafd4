package org.chorus.organizations.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.chorus.organizations.Actor;
import org.chorus.organizations.ManagingMembers;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The invited person opens the link, signed in or not, and sees what it is for (organization, role, who invited); a
 * signed-out visitor signs in from it and comes back to it, then accepts; one who signs up from it joins by confirming
 * the address ({@link AcceptingOnConfirmation}) and the link then leads into the organization.
 */
@Controller
class InvitationController {

    private final ManagingMembers members;
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    InvitationController(ManagingMembers members) {
        this.members = members;
    }

    @GetMapping("/invitations/{token}")
    String show(
            @PathVariable String token,
            @Nullable Actor viewer,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        if (viewer != null) {
            var joined = members.joinedWith(viewer, token);
            if (joined.isPresent()) {
                // accepted already, by the confirmation of a sign-up that started here or by the button: the link leads
                // in
                redirect.addFlashAttribute("notice", "invitation.accepted");
                return "redirect:/o/" + joined.get().slug();
            }
        }
        var invitation = members.invitation(token);
        var path = "/invitations/" + UriUtils.encodePathSegment(token, StandardCharsets.UTF_8);
        if (viewer == null && request.getParameter("lang") == null && invitation.language() != null) {
            // a link passed on by hand names no language: the page speaks the invitation's, as its letter does
            return "redirect:" + path + "?lang=" + invitation.language().tag();
        }
        if (viewer == null) {
            // signing in from here (or from any page after this one) comes back here to accept
            requests.saveRequest(request, response);
        }
        model.addAttribute("invitation", invitation);
        model.addAttribute("path", path);
        model.addAttribute("signUp", "/signup?next=" + UriUtils.encodeQueryParam(path, StandardCharsets.UTF_8));
        return "organizations/invitation";
    }

    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token, Actor actor, RedirectAttributes redirect) {
        var organization = members.accept(actor, token);
        redirect.addFlashAttribute("notice", "invitation.accepted");
        return "redirect:/o/" + organization.slug();
    }
}

package org.chorus.federation.web;

import jakarta.servlet.http.HttpServletResponse;
import org.chorus.federation.FollowingElsewhere;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owners' page of the organizations theirs follows on other servers: the follow form, whom it follows, and what
 * they published, each article or post with a button that republishes it as a statement of the organization.
 */
@Controller
class AlliedOrganizationsController {

    private final FollowingElsewhere following;

    AlliedOrganizationsController(FollowingElsewhere following) {
        this.following = following;
    }

    @GetMapping("/o/{slug}/manage/fediverse/allied")
    String show(
            @PathVariable String slug,
            @RequestParam(required = false) String after,
            Actor actor,
            Model model,
            HttpServletResponse response) {
        return page(slug, after, actor, model, response, "", FormErrors.none());
    }

    @PostMapping("/o/{slug}/manage/fediverse/allied/follow")
    String follow(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String handle,
            Actor actor,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            following.follow(actor, slug, handle);
        } catch (DomainException problem) {
            return page(slug, null, actor, model, response, handle, FormErrors.of(problem, ui.messages()));
        }
        redirect.addFlashAttribute("notice", "federation.follow.sent");
        return "redirect:/o/" + slug + "/manage/fediverse/allied";
    }

    @PostMapping("/o/{slug}/manage/fediverse/allied/unfollow")
    String unfollow(@PathVariable String slug, @RequestParam String actor, Actor viewer, RedirectAttributes redirect) {
        following.unfollow(viewer, slug, actor);
        redirect.addFlashAttribute("notice", "federation.follow.ended");
        return "redirect:/o/" + slug + "/manage/fediverse/allied";
    }

    @PostMapping("/o/{slug}/manage/fediverse/allied/republish")
    String republish(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String object,
            Actor actor,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String copy;
        try {
            copy = following.republish(actor, slug, object);
        } catch (DomainException problem) {
            return page(slug, null, actor, model, response, "", FormErrors.of(null, problem, ui.messages()));
        }
        redirect.addFlashAttribute("notice", "federation.allied.republished");
        return "redirect:/s/" + copy;
    }

    private String page(
            String slug,
            String after,
            Actor actor,
            Model model,
            HttpServletResponse response,
            String handle,
            FormErrors errors) {
        response.setHeader("Cache-Control", "private, no-store");
        model.addAttribute("allied", following.allied(actor, slug, after));
        model.addAttribute("handle", handle);
        model.addAttribute("errors", errors);
        return "federation/allied";
    }
}

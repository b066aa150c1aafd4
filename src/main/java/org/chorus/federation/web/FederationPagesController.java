package org.chorus.federation.web;

import jakarta.servlet.http.HttpServletResponse;
import org.chorus.federation.ManagingFederation;
import org.chorus.organizations.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owners' page of an organization on the fediverse: its address there, whether followers are approved by hand,
 * follows waiting, followers (any of whom can be removed).
 */
@Controller
class FederationPagesController {

    private final ManagingFederation managing;

    FederationPagesController(ManagingFederation managing) {
        this.managing = managing;
    }

    @GetMapping("/o/{slug}/manage/fediverse")
    String show(@PathVariable String slug, Actor actor, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "private, no-store");
        model.addAttribute("overview", managing.overview(actor, slug));
        return "federation/manage";
    }

    @PostMapping("/o/{slug}/manage/fediverse/approval")
    String approval(
            @PathVariable String slug,
            @RequestParam(defaultValue = "false") boolean manually,
            Actor actor,
            RedirectAttributes redirect) {
        managing.approveManually(actor, slug, manually);
        redirect.addFlashAttribute("notice", "federation.manage.saved");
        return "redirect:/o/" + slug + "/manage/fediverse";
    }

    @PostMapping("/o/{slug}/manage/fediverse/followers/{decision:approve|remove}")
    String decide(
            @PathVariable String slug,
            @PathVariable String decision,
            @RequestParam String actor,
            Actor viewer,
            RedirectAttributes redirect) {
        if (decision.equals("approve")) {
            managing.approve(viewer, slug, actor);
            redirect.addFlashAttribute("notice", "federation.manage.approved");
        } else {
            managing.refuse(viewer, slug, actor);
            redirect.addFlashAttribute("notice", "federation.manage.removed");
        }
        return "redirect:/o/" + slug + "/manage/fediverse";
    }

    @PostMapping("/o/{slug}/manage/fediverse/blocks")
    String block(
            @PathVariable String slug,
            @RequestParam String domain,
            @RequestParam(defaultValue = "block") String severity,
            Actor actor,
            RedirectAttributes redirect) {
        managing.block(actor, slug, domain, severity.equals("silence"));
        redirect.addFlashAttribute("notice", "federation.blocks.saved");
        return "redirect:/o/" + slug + "/manage/fediverse#blocks";
    }

    @PostMapping("/o/{slug}/manage/fediverse/blocks/remove")
    String unblock(@PathVariable String slug, @RequestParam String domain, Actor actor, RedirectAttributes redirect) {
        managing.unblock(actor, slug, domain);
        redirect.addFlashAttribute("notice", "federation.blocks.lifted");
        return "redirect:/o/" + slug + "/manage/fediverse#blocks";
    }
}

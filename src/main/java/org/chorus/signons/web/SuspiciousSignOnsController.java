package org.chorus.signons.web;

import jakarta.servlet.http.HttpServletResponse;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.web.Ui;
import org.chorus.signons.SuspiciousSignOns;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bursts of unconfirmed sign-ons, for a statement's organizers: grouped by network and by email domain over a recent
 * window; a group is discarded in one POST after a page that says how many it holds (no JavaScript needed).
 */
@Controller
class SuspiciousSignOnsController {

    private final SuspiciousSignOns suspicious;

    SuspiciousSignOnsController(SuspiciousSignOns suspicious) {
        this.suspicious = suspicious;
    }

    @GetMapping("/s/{slug}/sign-on/suspicious")
    String bursts(
            @PathVariable String slug,
            @RequestParam(defaultValue = "24") int hours,
            Actor actor,
            Ui ui,
            Model model,
            HttpServletResponse response) {
        response.setHeader("Cache-Control", "private, no-store");
        model.addAttribute("bursts", suspicious.bursts(actor, slug, ui.language(), hours));
        return "signons/suspicious";
    }

    @GetMapping("/s/{slug}/sign-on/suspicious/discard")
    String confirm(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String source,
            @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "24") int hours,
            Actor actor,
            Ui ui,
            Model model,
            HttpServletResponse response) {
        response.setHeader("Cache-Control", "private, no-store");
        var burst = suspicious.burst(actor, slug, ui.language(), source(source), key, hours);
        model.addAttribute("slug", slug);
        model.addAttribute("burst", burst);
        model.addAttribute("hours", hours);
        return "signons/discard";
    }

    @PostMapping("/s/{slug}/sign-on/suspicious/discard")
    String discard(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String source,
            @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "24") int hours,
            Actor actor,
            RedirectAttributes redirect) {
        suspicious.discard(actor, slug, source(source), key, hours);
        redirect.addFlashAttribute("notice", "signons.suspicious.discarded");
        return "redirect:/s/" + slug + "/sign-on/suspicious?hours=" + hours;
    }

    private static SuspiciousSignOns.Source source(String source) {
        try {
            return SuspiciousSignOns.Source.valueOf(source);
        } catch (IllegalArgumentException e) {
            throw new DomainException(400, "signons.suspicious.source-invalid");
        }
    }
}

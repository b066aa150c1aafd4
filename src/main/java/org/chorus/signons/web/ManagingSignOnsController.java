package org.chorus.signons.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.chorus.signons.OpeningSignOns;
import org.chorus.signons.SignOnOpening;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sign-on's settings, for the editors of the statement's issuer: open it (or change the choices and re-open it)
 * and close it. The deadline is written and shown in the issuer's time zone.
 */
@Controller
class ManagingSignOnsController {

    private final OpeningSignOns opening;
    private final CoalitionDirectory organizations;

    ManagingSignOnsController(OpeningSignOns opening, CoalitionDirectory organizations) {
        this.opening = opening;
        this.organizations = organizations;
    }

    @GetMapping("/s/{slug}/sign-on/manage")
    String manage(@PathVariable String slug, Actor actor, Ui ui, Model model, HttpServletResponse response) {
        var managed = opening.managed(actor, slug, ui.language());
        var zone = organizations.timeZone(managed.statement().issuer().id());
        var choices = managed.opening().map(SignOnOpening::choices).orElse(SignOnOpening.Choices.defaults());
        return page(model, response, managed, OpeningForm.of(choices, zone), zone, FormErrors.none());
    }

    @PostMapping("/s/{slug}/sign-on/open")
    String open(
            @PathVariable String slug,
            @ModelAttribute OpeningForm form,
            Actor actor,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var managed = opening.managed(actor, slug, ui.language());
        var zone = organizations.timeZone(managed.statement().issuer().id());
        try {
            opening.open(actor, slug, form.choices(zone), ui.language());
        } catch (InvalidField problem) {
            return page(model, response, managed, form, zone, FormErrors.of(problem, ui.messages()));
        } catch (DomainException problem) {
            if (problem.status() != 409) {
                throw problem;
            }
            return page(model, response, managed, form, zone, FormErrors.of(problem, ui.messages()));
        }
        redirect.addFlashAttribute("notice", "signons.opened");
        return "redirect:/s/" + slug + "/sign-on/manage";
    }

    @PostMapping("/s/{slug}/sign-on/close")
    String close(@PathVariable String slug, Actor actor, Ui ui, RedirectAttributes redirect) {
        opening.close(actor, slug, ui.language());
        redirect.addFlashAttribute("notice", "signons.closed-now");
        return "redirect:/s/" + slug + "/sign-on/manage";
    }

    private static String page(
            Model model,
            HttpServletResponse response,
            OpeningSignOns.Managed managed,
            OpeningForm form,
            ZoneId zone,
            FormErrors errors) {
        response.setHeader("Cache-Control", "private, no-store");
        model.addAttribute("managed", managed);
        model.addAttribute("form", form);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("errors", errors);
        return "signons/manage";
    }
}

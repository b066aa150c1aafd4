package org.chorus.rsvps.web;

import org.chorus.organizations.Actor;
import org.chorus.rsvps.RsvpThanks;
import org.chorus.rsvps.ThankingRsvps;
import org.chorus.shared.InvalidField;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organizers' page of a campaign's thank-you to the people who went to its actions (its next step). */
@Controller
class ThanksController {

    private final ThankingRsvps thanking;

    ThanksController(ThankingRsvps thanking) {
        this.thanking = thanking;
    }

    @GetMapping("/c/{slug}/manage/thanks")
    String page(@PathVariable String slug, Actor actor, Ui ui, Model model) {
        var managed = thanking.managed(actor, slug, ui.lang());
        return page(model, managed, managed.thanks(), FormErrors.none());
    }

    @PostMapping("/c/{slug}/manage/thanks")
    String save(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String link,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        try {
            thanking.save(actor, slug, text, link);
            redirect.addFlashAttribute("notice", "rsvp.thanks.saved");
            return "redirect:/c/" + slug + "/manage/thanks";
        } catch (InvalidField problem) {
            return page(
                    model,
                    thanking.managed(actor, slug, ui.lang()),
                    new RsvpThanks(text, link),
                    FormErrors.of(problem, ui.messages()));
        }
    }

    private static String page(Model model, ThankingRsvps.Managed managed, RsvpThanks form, FormErrors errors) {
        model.addAttribute("managed", managed);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "rsvps/thanks";
    }
}

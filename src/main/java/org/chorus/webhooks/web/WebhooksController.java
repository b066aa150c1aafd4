package org.chorus.webhooks.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.chorus.webhooks.ManagingWebhooks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owners' pages of an organization's webhooks: its endpoints, the form that registers one (its secret shown on
 * the answer, once), an endpoint's deliveries with a button that sends a failed one again.
 */
@Controller
class WebhooksController {

    private final ManagingWebhooks webhooks;

    WebhooksController(ManagingWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/o/{slug}/manage/webhooks")
    String show(@PathVariable String slug, Actor actor, Model model, HttpServletResponse response) {
        return page(slug, actor, model, response, null, "", List.of(), "", FormErrors.none());
    }

    @PostMapping("/o/{slug}/manage/webhooks")
    String register(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(required = false) List<String> events,
            @RequestParam(defaultValue = "") String description,
            Actor actor,
            Ui ui,
            Model model,
            HttpServletResponse response) {
        var chosen = events == null ? List.<String>of() : events;
        try {
            var registered = webhooks.register(actor, slug, url, chosen, description);
            // the secret is on this answer only: it is not shown again
            return page(slug, actor, model, response, registered, "", List.of(), "", FormErrors.none());
        } catch (DomainException problem) {
            return page(
                    slug,
                    actor,
                    model,
                    response,
                    null,
                    url,
                    chosen,
                    description,
                    FormErrors.of(problem, ui.messages()));
        }
    }

    @PostMapping("/o/{slug}/manage/webhooks/{id}/remove")
    String remove(@PathVariable String slug, @PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
        webhooks.remove(actor, slug, id);
        redirect.addFlashAttribute("notice", "webhooks.removed");
        return "redirect:/o/" + slug + "/manage/webhooks";
    }

    @PostMapping("/o/{slug}/manage/webhooks/{id}/enable")
    String enable(@PathVariable String slug, @PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
        webhooks.enable(actor, slug, id);
        redirect.addFlashAttribute("notice", "webhooks.enabled");
        return "redirect:/o/" + slug + "/manage/webhooks";
    }

    @GetMapping("/o/{slug}/manage/webhooks/{id}")
    String log(
            @PathVariable String slug, @PathVariable UUID id, Actor actor, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "private, no-store");
        model.addAttribute("log", webhooks.log(actor, slug, id));
        return "webhooks/log";
    }

    @PostMapping("/o/{slug}/manage/webhooks/{id}/deliveries/{delivery}/retry")
    String retry(
            @PathVariable String slug,
            @PathVariable UUID id,
            @PathVariable long delivery,
            Actor actor,
            RedirectAttributes redirect) {
        webhooks.retry(actor, slug, id, delivery);
        redirect.addFlashAttribute("notice", "webhooks.retried");
        return "redirect:/o/" + slug + "/manage/webhooks/" + id;
    }

    private String page(
            String slug,
            Actor actor,
            Model model,
            HttpServletResponse response,
            ManagingWebhooks.Registered registered,
            String url,
            List<String> events,
            String description,
            FormErrors errors) {
        response.setHeader("Cache-Control", "private, no-store");
        model.addAttribute("overview", webhooks.overview(actor, slug));
        model.addAttribute("registered", registered);
        model.addAttribute("url", url);
        model.addAttribute("events", events);
        model.addAttribute("description", description);
        model.addAttribute("errors", errors);
        return "webhooks/manage";
    }
}

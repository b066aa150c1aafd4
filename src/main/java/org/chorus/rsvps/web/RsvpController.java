package org.chorus.rsvps.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.chorus.actions.Action;
import org.chorus.actions.ActionId;
import org.chorus.actions.ReadingActions;
import org.chorus.organizations.Actor;
import org.chorus.rsvps.RsvpLimits;
import org.chorus.rsvps.Rsvping;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.web.ConfirmLinkPage;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.PublicPage;
import org.chorus.shared.web.SameOrigin;
import org.chorus.shared.web.Ui;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * RSVPs from an action's page: a guest's form (stamped, no session, like the sign-on form), "check your email", the
 * confirmation link's page whose button confirms by POST, a signed-in person's one click, and the RSVP's own page
 * (from its link in every letter): its standing, the exact place, its cancellation and the host's messages stopped.
 */
@Controller
class RsvpController {

    private final Rsvping rsvping;
    private final RsvpLimits limits;
    private final ReadingActions actions;
    private final ChorusProperties properties;

    RsvpController(Rsvping rsvping, RsvpLimits limits, ReadingActions actions, ChorusProperties properties) {
        this.rsvping = rsvping;
        this.limits = limits;
        this.actions = actions;
        this.properties = properties;
    }

    @PostMapping("/actions/{id:[0-9a-f-]{36}}/rsvp")
    String submit(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "0") String guests,
            @RequestParam(required = false) List<String> answers,
            @RequestParam(defaultValue = "") String homepage,
            @RequestParam(defaultValue = "") String stamp,
            Ui ui,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        SameOrigin.require(request, properties.baseUrl(), "rsvp.cross-site");
        response.setHeader("Cache-Control", "private, no-store");
        var action = ActionId.parse(id);
        var form = new RsvpFormFields(name, email, guests, answers);
        try {
            rsvping.submit(
                    action,
                    name,
                    email,
                    new Rsvping.Answers(guests, answers),
                    new Rsvping.Signals(homepage, stamp, request.getRemoteAddr()),
                    ui.language());
            // committed: "check your email" is the same page for everyone (kept by the page cache); 303, so reloading
            // it sends nothing again
            request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
            return "redirect:/actions/" + action + "/rsvp/sent";
        } catch (InvalidField problem) {
            return refused(model, action, form, FormErrors.of(problem, ui.messages()), true);
        } catch (DomainException problem) {
            if (problem.status() != 429) {
                throw problem;
            }
            return refused(model, action, form, FormErrors.of("form", problem, ui.messages()), true);
        }
    }

    @GetMapping("/actions/{id:[0-9a-f-]{36}}/rsvp/sent")
    @PublicPage
    String sent(@PathVariable String id, Model model) {
        model.addAttribute("action", publicAction(ActionId.parse(id)));
        return "rsvps/check-email";
    }

    @PostMapping("/actions/{id:[0-9a-f-]{36}}/rsvp/me")
    String rsvp(
            @PathVariable String id,
            @RequestParam(defaultValue = "0") String guests,
            @RequestParam(required = false) List<String> answers,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        var action = ActionId.parse(id);
        try {
            var rsvp = rsvping.rsvp(actor, action, new Rsvping.Answers(guests, answers), ui.language());
            redirect.addFlashAttribute(
                    "notice", "rsvp.done." + rsvp.status().name().toLowerCase(java.util.Locale.ROOT));
            return "redirect:/actions/" + action + "#rsvp";
        } catch (InvalidField problem) {
            return refused(
                    model,
                    action,
                    new RsvpFormFields("", "", guests, answers),
                    FormErrors.of(problem, ui.messages()),
                    false);
        }
    }

    @GetMapping("/rsvps/confirm/{token}")
    String confirmPage(@PathVariable String token, Ui ui, Model model, HttpServletResponse response) {
        return ConfirmLinkPage.show(model, response, ui, "rsvp.confirm", "/rsvps/confirm/" + segment(token));
    }

    @PostMapping("/rsvps/confirm/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        var confirmation = rsvping.confirm(token);
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(
                switch (confirmation.outcome()) {
                    case GOING, WAITLISTED -> 200;
                    case CLOSED -> 409;
                    case UNKNOWN -> 404;
                });
        model.addAttribute("confirmation", confirmation);
        return "rsvps/confirmed";
    }

    @GetMapping("/rsvps/{id}/{signature}")
    String own(@PathVariable String id, @PathVariable String signature, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("own", rsvping.own(uuid(id), signature));
        return "rsvps/own";
    }

    @PostMapping("/rsvps/{id}/{signature}/cancel")
    String cancel(@PathVariable String id, @PathVariable String signature, RedirectAttributes redirect) {
        var rsvp = rsvping.cancel(uuid(id), signature);
        redirect.addFlashAttribute("notice", "rsvp.cancelled.notice");
        return "redirect:" + rsvp.link();
    }

    /** What a link in a letter opens: a button, because mail scanners open links and must not unsubscribe anyone. */
    @GetMapping("/rsvps/{id}/{signature}/unsubscribe")
    String unsubscribePage(
            @PathVariable String id, @PathVariable String signature, Ui ui, Model model, HttpServletResponse response) {
        rsvping.own(uuid(id), signature);
        return ConfirmLinkPage.show(
                model,
                response,
                ui,
                "rsvp.unsubscribe",
                "/rsvps/" + uuid(id) + "/" + segment(signature) + "/unsubscribe");
    }

    /**
     * RFC 8058 one-click unsubscribe (a mail client posts {@code List-Unsubscribe=One-Click}, without a session or a
     * CSRF token; the signed link is the proof), and the button of the page above.
     */
    @PostMapping("/rsvps/{id}/{signature}/unsubscribe")
    String unsubscribe(
            @PathVariable String id, @PathVariable String signature, Model model, HttpServletResponse response) {
        rsvping.unsubscribe(uuid(id), signature);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("own", rsvping.own(uuid(id), signature));
        return "rsvps/unsubscribed";
    }

    /** A refused form comes back on a page of its own, with a new stamp for a guest; never cached. */
    private String refused(Model model, ActionId id, RsvpFormFields form, FormErrors errors, boolean guest) {
        var action = publicAction(id);
        model.addAttribute("action", action);
        model.addAttribute(
                "context",
                rsvping.formContext(
                        id,
                        action.isPublic(),
                        action.cancelled(),
                        action.details().end().toInstant()));
        model.addAttribute("stamp", guest ? limits.stamp(id) : "");
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("guest", guest);
        return "rsvps/form-page";
    }

    private Action publicAction(ActionId id) {
        return actions.action(id).filter(Action::isPublic).orElseThrow(() -> new NotFoundException("action.not-found"));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("rsvp.link-unknown");
        }
    }

    private static String segment(String token) {
        return UriUtils.encodePathSegment(token, StandardCharsets.UTF_8);
    }
}

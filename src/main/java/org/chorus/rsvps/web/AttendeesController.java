package org.chorus.rsvps.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.chorus.accounts.RequiresRecentSignIn;
import org.chorus.actions.ActionId;
import org.chorus.organizations.Actor;
import org.chorus.rsvps.ManagingRsvps;
import org.chorus.rsvps.Rsvp;
import org.chorus.rsvps.RsvpSettings;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.web.Csv;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An action's RSVPs for its host and its campaign's organizers: the settings (capacity, questions, instructions), the
 * attendees with their answers, the CSV export (formula-safe) and the message to attendees; the same for a host without
 * an account under their action's private manage link. Never cached: personal data.
 */
@Controller
class AttendeesController {

    private final ManagingRsvps managing;

    AttendeesController(ManagingRsvps managing) {
        this.managing = managing;
    }

    @GetMapping("/actions/{id:[0-9a-f-]{36}}/rsvps")
    String page(@PathVariable String id, Actor actor, Model model, HttpServletResponse response) {
        return page(model, response, managing.managed(actor, ActionId.parse(id)), null, null, FormErrors.none());
    }

    /** The same page for a host without an account, from their action's private manage link. */
    @GetMapping("/actions/manage/{token}/rsvps")
    String pageByLink(@PathVariable String token, Model model, HttpServletResponse response) {
        return page(model, response, managing.managedByLink(token), null, null, FormErrors.none());
    }

    @PostMapping("/actions/{id:[0-9a-f-]{36}}/rsvps/settings")
    String settings(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String capacity,
            @RequestParam(required = false) List<String> questions,
            @RequestParam(defaultValue = "") String instructions,
            Actor actor,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return settings(
                managing.managed(actor, ActionId.parse(id)),
                capacity,
                questions,
                instructions,
                ui,
                model,
                response,
                redirect);
    }

    @PostMapping("/actions/manage/{token}/rsvps/settings")
    String settingsByLink(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String capacity,
            @RequestParam(required = false) List<String> questions,
            @RequestParam(defaultValue = "") String instructions,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return settings(
                managing.managedByLink(token), capacity, questions, instructions, ui, model, response, redirect);
    }

    @PostMapping("/actions/{id:[0-9a-f-]{36}}/rsvps/message")
    String message(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String text,
            Actor actor,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return message(managing.managed(actor, ActionId.parse(id)), subject, text, ui, model, response, redirect);
    }

    @PostMapping("/actions/manage/{token}/rsvps/message")
    String messageByLink(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String text,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return message(managing.managedByLink(token), subject, text, ui, model, response, redirect);
    }

    @GetMapping("/actions/{id:[0-9a-f-]{36}}/rsvps.csv")
    @RequiresRecentSignIn
    void csv(@PathVariable String id, Actor actor, HttpServletResponse response) {
        csv(managing.attendees(managing.managed(actor, ActionId.parse(id))), response);
    }

    /** The export for a host without an account: the private link is their proof, as it is for editing the action. */
    @GetMapping("/actions/manage/{token}/rsvps.csv")
    void csvByLink(@PathVariable String token, HttpServletResponse response) {
        csv(managing.attendees(managing.managedByLink(token)), response);
    }

    private String settings(
            ManagingRsvps.Managed managed,
            String capacity,
            List<String> questions,
            String instructions,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            managing.change(managed, RsvpSettings.written(capacity, questions, instructions));
            redirect.addFlashAttribute("notice", "rsvp.settings.saved");
            return "redirect:" + managed.path();
        } catch (InvalidField problem) {
            var typed = new RsvpSettings(null, questions == null ? List.of() : questions, instructions);
            model.addAttribute("typedCapacity", capacity);
            return page(model, response, managed, typed, null, FormErrors.of(problem, ui.messages()));
        }
    }

    private String message(
            ManagingRsvps.Managed managed,
            String subject,
            String text,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            int sent = managing.message(managed, subject, text);
            redirect.addFlashAttribute("notice", "rsvp.message.sent");
            redirect.addFlashAttribute("sent", sent);
            return "redirect:" + managed.path();
        } catch (InvalidField problem) {
            return page(
                    model, response, managed, null, new Message(subject, text), FormErrors.of(problem, ui.messages()));
        } catch (DomainException problem) {
            if (problem.status() != 429) {
                throw problem;
            }
            return page(
                    model,
                    response,
                    managed,
                    null,
                    new Message(subject, text),
                    FormErrors.of("message", problem, ui.messages()));
        }
    }

    private static void csv(ManagingRsvps.Attendees attendees, HttpServletResponse response) {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"rsvps-" + attendees.action().id() + ".csv\"");
        try {
            var out = response.getWriter();
            out.write(Csv.BYTE_ORDER_MARK);
            var columns = new ArrayList<>(List.of("status", "name", "email", "guests", "rsvp_at", "confirmed_at"));
            columns.addAll(attendees.settings().questions());
            out.write(Csv.row(columns));
            for (var rsvp : attendees.rsvps()) {
                out.write(Csv.row(cells(rsvp, attendees.settings().questions().size())));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A message as the host typed it, shown again when it is refused. */
    record Message(String subject, String text) {}

    private String page(
            Model model,
            HttpServletResponse response,
            ManagingRsvps.Managed managed,
            RsvpSettings typed,
            Message message,
            FormErrors errors) {
        response.setHeader("Cache-Control", "private, no-store");
        var attendees = managing.attendees(managed);
        model.addAttribute("attendees", attendees);
        model.addAttribute("settings", typed == null ? attendees.settings() : typed);
        if (!model.containsAttribute("typedCapacity")) {
            var capacity = attendees.settings().capacity();
            model.addAttribute("typedCapacity", capacity == null ? "" : capacity.toString());
        }
        model.addAttribute("messageSubject", message == null ? "" : message.subject());
        model.addAttribute("messageText", message == null ? "" : message.text());
        model.addAttribute("errors", errors);
        return "rsvps/attendees";
    }

    private static List<String> cells(Rsvp rsvp, int questions) {
        var contact = rsvp.contact();
        var cells = new ArrayList<>(Arrays.asList(
                rsvp.status().name(),
                contact == null ? null : contact.name(),
                contact == null ? null : contact.email(),
                String.valueOf(rsvp.guests()),
                rsvp.createdAt().toString(),
                rsvp.confirmedAt() == null ? null : rsvp.confirmedAt().toString()));
        for (int i = 0; i < questions; i++) {
            cells.add(
                    contact == null || i >= contact.answers().size()
                            ? null
                            : contact.answers().get(i));
        }
        return cells;
    }
}

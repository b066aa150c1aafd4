package org.chorus.comments.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.chorus.comments.CommentId;
import org.chorus.comments.CommentingAsGuest;
import org.chorus.comments.FormStamps;
import org.chorus.comments.ReadingComments;
import org.chorus.comments.SpamSignals;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Comments by visitors without an account. The form has its own page, never kept by the public page cache (it carries
 * a CSRF token bound to the visitor's new session), so the statement's comments page stays cacheable for readers.
 * The emailed link lives outside {@code /s/} and {@code /comments/}: it is neither cached nor behind sign-in.
 */
@Controller
class GuestCommentsController {

    private final ReadingComments reading;
    private final CommentingAsGuest commenting;
    private final FormStamps stamps;

    GuestCommentsController(ReadingComments reading, CommentingAsGuest commenting, FormStamps stamps) {
        this.reading = reading;
        this.commenting = commenting;
        this.stamps = stamps;
    }

    @GetMapping("/s/{slug}/comments/guest")
    String form(
            @PathVariable String slug,
            @RequestParam(required = false) String parent,
            @Nullable Actor viewer,
            Model model,
            HttpServletResponse response) {
        if (viewer != null) {
            return "redirect:/s/" + slug + "/comments";
        }
        var parentId = commentId(parent);
        return form(model, response, slug, parentId, "", "", "", FormErrors.none());
    }

    @PostMapping("/s/{slug}/comments/guest")
    String post(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(required = false) String parent,
            @RequestParam(name = CommentsController.HONEYPOT, required = false) String honeypot,
            @RequestParam(required = false) String stamp,
            @Nullable Actor viewer,
            Ui ui,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (viewer != null) {
            return "redirect:/s/" + slug + "/comments";
        }
        var parentId = commentId(parent);
        try {
            commenting.post(
                    slug,
                    parentId,
                    new CommentingAsGuest.GuestComment(name, email, body),
                    new SpamSignals(honeypot, stamp, request.getRemoteAddr()),
                    ui.language());
            redirect.addFlashAttribute("notice", "comment.guest.check-email");
            return "redirect:/s/" + slug + "/comments";
        } catch (InvalidField problem) {
            return form(model, response, slug, parentId, name, email, body, FormErrors.of(problem, ui.messages()));
        } catch (DomainException problem) {
            if (problem.status() != 429) {
                throw problem;
            }
            return form(
                    model, response, slug, parentId, name, email, body, FormErrors.of("body", problem, ui.messages()));
        }
    }

    /** The link in the letter opens a page whose button confirms: mail scanners open links, they do not press. */
    @GetMapping("/guest-comments/{token}")
    String confirmPage(
            @PathVariable String token, org.chorus.shared.web.Ui ui, Model model, HttpServletResponse response) {
        return org.chorus.shared.web.ConfirmLinkPage.show(
                model,
                response,
                ui,
                "comment.guest.confirm",
                "/guest-comments/"
                        + org.springframework.web.util.UriUtils.encodePathSegment(
                                token, java.nio.charset.StandardCharsets.UTF_8));
    }

    @PostMapping("/guest-comments/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        var confirmation = commenting.confirm(token);
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(
                switch (confirmation.outcome()) {
                    case CONFIRMED, ALREADY_CONFIRMED -> 200;
                    case EXPIRED -> 410;
                    case UNKNOWN -> 404;
                });
        model.addAttribute("outcome", confirmation.outcome().name());
        model.addAttribute("slug", confirmation.statementSlug());
        return "comments/guest-confirmed";
    }

    private String form(
            Model model,
            HttpServletResponse response,
            String slug,
            CommentId parent,
            String name,
            String email,
            String body,
            FormErrors errors) {
        var page = reading.page(null, slug);
        response.setHeader("Cache-Control", "private, no-store");
        model.addAttribute("page", page);
        model.addAttribute("parent", parent == null ? null : parent.toString());
        model.addAttribute("name", name);
        model.addAttribute("email", email);
        model.addAttribute("body", body);
        model.addAttribute("errors", errors);
        model.addAttribute("stamp", page.guestsWelcome() ? stamps.issue() : "");
        return "comments/guest";
    }

    private static CommentId commentId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new CommentId(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("comment.not-found");
        }
    }
}

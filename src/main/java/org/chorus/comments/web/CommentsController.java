package org.chorus.comments.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.chorus.comments.CommentId;
import org.chorus.comments.CommentStatus;
import org.chorus.comments.Commenting;
import org.chorus.comments.FormStamps;
import org.chorus.comments.ReadingComments;
import org.chorus.comments.SpamSignals;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.PublicPage;
import org.chorus.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The comments of a statement: reading, writing, replying, editing one's own and reporting abuse. */
@Controller
class CommentsController {

    /** The honeypot: a field hidden from people (and labelled "leave empty"), which robots fill in. */
    static final String HONEYPOT = "website";

    private final ReadingComments reading;
    private final Commenting commenting;
    private final FormStamps stamps;

    CommentsController(ReadingComments reading, Commenting commenting, FormStamps stamps) {
        this.reading = reading;
        this.commenting = commenting;
        this.stamps = stamps;
    }

    /**
     * The comments page. The Reply and Report buttons are small GET forms that come back here with {@code reply} (the
     * write form then answers that comment) or {@code report} (that comment then shows its report form), so both work
     * without JavaScript.
     */
    @GetMapping("/s/{slug}/comments")
    @PublicPage
    String show(
            @PathVariable String slug,
            @RequestParam(required = false) String reply,
            @RequestParam(required = false) String report,
            @Nullable Actor viewer,
            Model model) {
        model.addAttribute(
                "report", commentId(report) == null ? null : commentId(report).toString());
        return show(model, slug, viewer, "", commentId(reply), FormErrors.none());
    }

    @PostMapping("/s/{slug}/comments")
    String post(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(required = false) String parent,
            @RequestParam(name = HONEYPOT, required = false) String honeypot,
            @RequestParam(required = false) String stamp,
            Actor actor,
            Ui ui,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        var parentId = commentId(parent);
        try {
            var comment = commenting.post(
                    actor, slug, parentId, body, new SpamSignals(honeypot, stamp, request.getRemoteAddr()));
            boolean shown = comment.status() == CommentStatus.APPROVED;
            redirect.addFlashAttribute("notice", shown ? "comment.published" : "comment.awaiting-moderation");
            return "redirect:/s/" + slug + "/comments" + (shown ? "#c-" + comment.id() : "");
        } catch (InvalidField problem) {
            return show(model, slug, actor, body, parentId, FormErrors.of(problem, ui.messages()));
        } catch (DomainException problem) {
            if (problem.status() != 429) {
                throw problem;
            }
            return show(model, slug, actor, body, parentId, FormErrors.of("body", problem, ui.messages()));
        }
    }

    @GetMapping("/comments/{id}/edit")
    String editForm(@PathVariable UUID id, Actor actor, Model model) {
        var comment = commenting.forEditing(actor, new CommentId(id));
        return editForm(model, comment, comment.body(), FormErrors.none());
    }

    @PostMapping("/comments/{id}/edit")
    String edit(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String body,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        try {
            var comment = commenting.edit(actor, new CommentId(id), body);
            boolean shown = comment.status() == CommentStatus.APPROVED;
            redirect.addFlashAttribute("notice", shown ? "comment.edited" : "comment.edited-awaiting-moderation");
            return "redirect:/s/" + reading.statementSlug(comment) + "/comments" + (shown ? "#c-" + id : "");
        } catch (InvalidField problem) {
            var comment = commenting.forEditing(actor, new CommentId(id));
            return editForm(model, comment, body, FormErrors.of(problem, ui.messages()));
        }
    }

    @PostMapping("/comments/{id}/report")
    String report(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            Actor actor,
            RedirectAttributes redirect) {
        var comment = reading.comment(new CommentId(id));
        commenting.report(actor, comment.id(), reason);
        redirect.addFlashAttribute("notice", "comment.reported");
        return "redirect:/s/" + reading.statementSlug(comment) + "/comments";
    }

    private String show(
            Model model, String slug, @Nullable Actor viewer, String body, CommentId parent, FormErrors errors) {
        var page = reading.page(viewer, slug);
        model.addAttribute("page", page);
        model.addAttribute("body", body);
        model.addAttribute("parent", parent == null ? null : parent.toString());
        model.addAttribute("errors", errors);
        model.addAttribute("stamp", page.canComment() ? stamps.issue() : "");
        if (!model.containsAttribute("report")) {
            model.addAttribute("report", null);
        }
        return "comments/show";
    }

    private String editForm(Model model, org.chorus.comments.Comment comment, String body, FormErrors errors) {
        model.addAttribute("comment", comment);
        model.addAttribute("body", body);
        model.addAttribute("errors", errors);
        model.addAttribute("slug", reading.statementSlug(comment));
        return "comments/edit";
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

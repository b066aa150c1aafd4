package org.chorus.follows.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.chorus.follows.Announcement;
import org.chorus.follows.Announcing;
import org.chorus.organizations.Actor;
import org.chorus.shared.FormDates;
import org.chorus.shared.InvalidField;
import org.chorus.shared.markdown.Markdown;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organization's announcements to its followers: write with a preview (htmx, or a button without JavaScript),
 * send a test to oneself, send now or at a time, and watch the sending (polled with htmx, or a refresh link).
 */
@Controller
class AnnouncementsController {

    private final Announcing announcing;

    AnnouncementsController(Announcing announcing) {
        this.announcing = announcing;
    }

    @GetMapping("/o/{slug}/manage/announcements")
    String list(@PathVariable String slug, Actor actor, Ui ui, Model model) {
        return list(model, actor, slug, new Announcing.Draft(ui.lang(), "", ""), null, FormErrors.none());
    }

    @PostMapping("/o/{slug}/manage/announcements")
    String create(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "") String campaign,
            @RequestParam(required = false) String preview,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        var draft = new Announcing.Draft(language, subject, body, campaign);
        if (preview != null) {
            announcing.organization(actor, slug);
            return list(model, actor, slug, draft, announcing.preview(body), FormErrors.none());
        }
        try {
            var announcement = announcing.draft(actor, slug, draft);
            return shown(redirect, slug, announcement.id(), "follows.announcement.saved");
        } catch (InvalidField problem) {
            return list(model, actor, slug, draft, null, FormErrors.of(problem, ui.messages()));
        }
    }

    /** The live preview: htmx posts the body as it is typed and swaps in the rendered, sanitized HTML. */
    @PostMapping("/o/{slug}/manage/announcements/preview")
    String preview(@PathVariable String slug, @RequestParam(defaultValue = "") String body, Actor actor, Model model) {
        announcing.organization(actor, slug);
        var rendering = announcing.preview(body);
        model.addAttribute("html", rendering.html().html());
        model.addAttribute("removedImages", rendering.removedImages());
        return "follows/preview";
    }

    @GetMapping("/o/{slug}/manage/announcements/{id}")
    String show(@PathVariable String slug, @PathVariable long id, Actor actor, Model model) {
        var page = announcing.page(actor, slug, id);
        var a = page.announcement();
        return show(
                model,
                page,
                new Announcing.Draft(a.language(), a.subject(), a.body(), page.audience()),
                null,
                FormErrors.none());
    }

    @PostMapping("/o/{slug}/manage/announcements/{id}")
    String edit(
            @PathVariable String slug,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "") String campaign,
            @RequestParam(required = false) String preview,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        var draft = new Announcing.Draft(language, subject, body, campaign);
        if (preview != null) {
            return show(model, announcing.page(actor, slug, id), draft, announcing.preview(body), FormErrors.none());
        }
        try {
            announcing.edit(actor, slug, id, draft);
        } catch (InvalidField problem) {
            return show(model, announcing.page(actor, slug, id), draft, null, FormErrors.of(problem, ui.messages()));
        }
        return shown(redirect, slug, id, "follows.announcement.saved");
    }

    @PostMapping("/o/{slug}/manage/announcements/{id}/test")
    String test(@PathVariable String slug, @PathVariable long id, Actor actor, RedirectAttributes redirect) {
        announcing.sendTest(actor, slug, id);
        return shown(redirect, slug, id, "follows.announcement.test-sent");
    }

    @PostMapping("/o/{slug}/manage/announcements/{id}/send")
    String send(@PathVariable String slug, @PathVariable long id, Actor actor, RedirectAttributes redirect) {
        announcing.sendNow(actor, slug, id);
        return shown(redirect, slug, id, "follows.announcement.sending");
    }

    @PostMapping("/o/{slug}/manage/announcements/{id}/schedule")
    String schedule(
            @PathVariable String slug,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String scheduledFor,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        try {
            announcing.schedule(actor, slug, id, utc(scheduledFor));
        } catch (InvalidField problem) {
            var page = announcing.page(actor, slug, id);
            var a = page.announcement();
            model.addAttribute("scheduledFor", scheduledFor);
            return show(
                    model,
                    page,
                    new Announcing.Draft(a.language(), a.subject(), a.body(), page.audience()),
                    null,
                    FormErrors.of(problem, ui.messages()));
        }
        return shown(redirect, slug, id, "follows.announcement.scheduled");
    }

    @PostMapping("/o/{slug}/manage/announcements/{id}/cancel")
    String cancel(@PathVariable String slug, @PathVariable long id, Actor actor, RedirectAttributes redirect) {
        announcing.cancelSchedule(actor, slug, id);
        return shown(redirect, slug, id, "follows.announcement.unscheduled");
    }

    /** The progress counts alone, for htmx to poll; without htmx the page itself is reloaded. */
    @GetMapping("/o/{slug}/manage/announcements/{id}/progress")
    String progress(
            @PathVariable String slug,
            @PathVariable long id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Actor actor,
            Model model) {
        if (htmx == null) {
            return "redirect:/o/" + slug + "/manage/announcements/" + id;
        }
        model.addAttribute("slug", slug);
        model.addAttribute("id", id);
        model.addAttribute("progress", announcing.progress(actor, slug, id));
        return "follows/progress";
    }

    /** After an action that worked: back to the announcement, with a notice saying what happened. */
    private static String shown(RedirectAttributes redirect, String slug, long id, String notice) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/o/" + slug + "/manage/announcements/" + id;
    }

    private String list(
            Model model,
            Actor actor,
            String slug,
            Announcing.Draft draft,
            Markdown.Rendering preview,
            FormErrors errors) {
        model.addAttribute("organization", announcing.organization(actor, slug));
        model.addAttribute("announcements", announcing.of(actor, slug));
        model.addAttribute("audiences", announcing.audiences(actor, slug, null));
        model.addAttribute("draft", draft);
        model.addAttribute(
                "previewHtml", preview == null ? null : preview.html().html());
        model.addAttribute("removedImages", preview == null ? 0 : preview.removedImages());
        model.addAttribute("errors", errors);
        return "follows/announcements";
    }

    private String show(
            Model model, Announcing.Page page, Announcing.Draft draft, Markdown.Rendering preview, FormErrors errors) {
        model.addAttribute("page", page);
        model.addAttribute("draft", draft);
        model.addAttribute(
                "previewHtml",
                preview == null ? page.html().html() : preview.html().html());
        model.addAttribute("removedImages", preview == null ? page.removedImages() : preview.removedImages());
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("scheduledFor")) {
            model.addAttribute("scheduledFor", scheduledValue(page.announcement()));
        }
        return "follows/announcement";
    }

    private static String scheduledValue(Announcement a) {
        return a.scheduledFor() == null
                ? ""
                : LocalDateTime.ofInstant(a.scheduledFor(), ZoneOffset.UTC).toString();
    }

    /** The form's date and time, read as UTC (shown as such next to the field). */
    private static Instant utc(String value) {
        var when = FormDates.dateTime("scheduledFor", value, "follows.announcement.schedule.invalid");
        return when == null ? null : when.toInstant(ZoneOffset.UTC);
    }
}

package org.chorus.statements.web;

import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.FormDates;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.markdown.Markdown;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.ReviewingStatements;
import org.chorus.statements.Statement;
import org.chorus.statements.StatementPage;
import org.chorus.statements.StatementPermission;
import org.chorus.statements.Topic;
import org.chorus.statements.WritingStatements;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Writing, translating, republishing and reviewing statements. Every action is checked again by its use case. */
@Controller
class WritingController {

    private final WritingStatements writing;
    private final ReviewingStatements reviewing;
    private final ReadingStatements reading;
    private final CoalitionDirectory organizations;
    private final OrganizationPermissions permissions;

    WritingController(
            WritingStatements writing,
            ReviewingStatements reviewing,
            ReadingStatements reading,
            CoalitionDirectory organizations,
            OrganizationPermissions permissions) {
        this.writing = writing;
        this.reviewing = reviewing;
        this.reading = reading;
        this.organizations = organizations;
        this.permissions = permissions;
    }

    @GetMapping("/o/{org}/statements/manage")
    String manage(@PathVariable String org, Actor actor, Model model) {
        var organization = organization(org);
        var list = reading.ofOrganization(actor, organization.id());
        model.addAttribute("organization", organization);
        model.addAttribute("statements", list);
        model.addAttribute("titles", reading.titles(organization.id()));
        model.addAttribute(
                "canPublish", permissions.can(actor, organization.id(), StatementPermission.PUBLISH_STATEMENTS));
        return "statements/manage";
    }

    @GetMapping("/o/{org}/statements/new")
    String newForm(@PathVariable String org, Actor actor, Ui ui, Model model) {
        var organization = organization(org);
        permissions.require(actor, organization.id(), StatementPermission.WRITE_STATEMENTS);
        return form(model, organization, null, StatementForm.blank(ui.lang()), FormErrors.none(), null);
    }

    @PostMapping("/o/{org}/statements/new")
    String create(
            @PathVariable String org,
            @ModelAttribute StatementForm form,
            @RequestParam(required = false) String preview,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        var organization = organization(org);
        if (preview != null) {
            permissions.require(actor, organization.id(), StatementPermission.WRITE_STATEMENTS);
            return form(model, organization, null, form, FormErrors.none(), writing.preview(form.body()));
        }
        try {
            var statement = writing.draft(actor, organization.id(), form.draft(), form.slug());
            redirect.addFlashAttribute("notice", "statement.draft-saved");
            return "redirect:/s/" + statement.slug();
        } catch (InvalidField problem) {
            return form(model, organization, null, form, FormErrors.of(problem, ui.messages()), null);
        }
    }

    @GetMapping("/s/{slug}/edit")
    String editForm(@PathVariable String slug, Actor actor, Model model) {
        var page = writable(slug, actor);
        page.statement().requireOwnWords();
        var t = page.text();
        var s = page.statement();
        var form = new StatementForm(
                s.originalLanguage(),
                t.title(),
                t.subtitle(),
                t.body(),
                s.issuedOn() == null ? "" : s.issuedOn().toString(),
                s.place() == null ? "" : s.place(),
                String.join(
                        ", ",
                        reading.topics(s.topics()).stream().map(Topic::label).toList()),
                s.commentsEnabled(),
                String.join(
                        "\n", page.cosigners().stream().map(Organization::slug).toList()),
                String.join(
                        "\n",
                        page.signatories().stream()
                                .map(x -> x.name() + " | " + x.roleTitle() + " | " + x.organization())
                                .toList()),
                "",
                s.issuedPrecision() == org.chorus.statements.DatePrecision.MONTH,
                s.slug());
        model.addAttribute("removedImages", writing.preview(t.body()).removedImages());
        return form(model, page.issuer(), page, form, FormErrors.none(), null);
    }

    @PostMapping("/s/{slug}/edit")
    String edit(
            @PathVariable String slug,
            @ModelAttribute StatementForm form,
            @RequestParam(required = false) String preview,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        var page = writable(slug, actor);
        if (preview != null) {
            return form(model, page.issuer(), page, form, FormErrors.none(), writing.preview(form.body()));
        }
        Statement saved;
        try {
            saved = writing.edit(actor, page.statement().id(), form.draft(), form.correctionNote(), form.slug());
        } catch (InvalidField problem) {
            return form(model, page.issuer(), page, form, FormErrors.of(problem, ui.messages()), null);
        }
        redirect.addFlashAttribute(
                "notice", page.statement().isPublic() ? "statement.corrected" : "statement.draft-saved");
        return "redirect:/s/" + saved.slug();
    }

    /** The live preview: htmx posts the body as it is typed and swaps in the rendered, sanitized HTML. */
    @PostMapping("/statements/preview")
    String preview(@RequestParam(defaultValue = "") String body, Model model) {
        var preview = writing.preview(body);
        model.addAttribute("html", preview.html().html());
        model.addAttribute("removedImages", preview.removedImages());
        return "statements/preview";
    }

    @GetMapping("/s/{slug}/translate")
    String translateForm(
            @PathVariable String slug, @RequestParam(defaultValue = "") String language, Actor actor, Model model) {
        var page = writable(slug, actor);
        page.statement().requireOwnWords();
        var existing = page.translations().stream()
                .filter(t -> t.language().equals(language))
                .findFirst();
        return translateForm(
                model,
                page,
                language,
                existing.map(t -> t.title()).orElse(""),
                existing.map(t -> t.subtitle()).orElse(""),
                existing.map(t -> t.body()).orElse(""),
                existing.map(t -> t.translator() == null ? "" : t.translator()).orElse(""),
                FormErrors.none());
    }

    @PostMapping("/s/{slug}/translate")
    String translate(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String subtitle,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "") String translator,
            @RequestParam(defaultValue = "false") boolean publish,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        var page = writable(slug, actor);
        try {
            writing.translate(actor, page.statement().id(), language, title, subtitle, body, translator, publish);
        } catch (InvalidField problem) {
            return translateForm(
                    model, page, language, title, subtitle, body, translator, FormErrors.of(problem, ui.messages()));
        }
        redirect.addFlashAttribute(
                "notice", publish ? "statement.translation-published" : "statement.translation-saved");
        return "redirect:/s/" + slug + "/" + language.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** A copy that follows its original: the republisher's own parts, its introduction and topics. */
    @GetMapping("/s/{slug}/republication")
    String republicationForm(@PathVariable String slug, Actor actor, Model model) {
        var page = ownParts(slug, actor);
        var s = page.statement();
        var intro = s.republication().introduction();
        var typed = String.join(
                ", ", reading.topics(s.topics()).stream().map(Topic::label).toList());
        return republicationForm(model, page, intro == null ? "" : intro, typed, FormErrors.none());
    }

    @PostMapping("/s/{slug}/republication")
    String changeRepublication(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String introduction,
            @RequestParam(defaultValue = "") String topics,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        var page = ownParts(slug, actor);
        try {
            writing.changeRepublication(actor, page.statement().id(), introduction, topics);
        } catch (InvalidField problem) {
            return republicationForm(model, page, introduction, topics, FormErrors.of(problem, ui.messages()));
        }
        redirect.addFlashAttribute("notice", "statement.republication.saved");
        return "redirect:/s/" + slug;
    }

    private StatementPage ownParts(String slug, Actor actor) {
        var page = writable(slug, actor);
        var s = page.statement();
        if (!s.followsOriginal()) {
            throw org.chorus.shared.DomainException.conflict("statement.republication.not-following");
        }
        s.requireEditable();
        if (s.isPublic() && !page.canPublish()) {
            throw new org.chorus.shared.PermissionDenied("permission.denied");
        }
        return page;
    }

    private static String republicationForm(
            Model model, StatementPage page, String introduction, String topics, FormErrors errors) {
        model.addAttribute("page", page);
        model.addAttribute("introduction", introduction);
        model.addAttribute("topics", topics);
        model.addAttribute("errors", errors);
        return "statements/republication";
    }

    @GetMapping("/o/{org}/statements/republish")
    String republishForm(
            @PathVariable String org, @RequestParam(defaultValue = "") String source, Actor actor, Model model) {
        var organization = organization(org);
        permissions.require(actor, organization.id(), StatementPermission.WRITE_STATEMENTS);
        return republishForm(model, organization, source, "", FormErrors.none());
    }

    @PostMapping("/o/{org}/statements/republish")
    String republish(
            @PathVariable String org,
            @RequestParam(defaultValue = "") String source,
            @RequestParam(defaultValue = "") String introduction,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        var organization = organization(org);
        try {
            var copy = writing.republish(actor, organization.id(), source, introduction);
            redirect.addFlashAttribute("notice", copy.isPublic() ? "statement.republished" : "statement.draft-saved");
            return "redirect:/s/" + copy.slug();
        } catch (InvalidField problem) {
            return republishForm(model, organization, source, introduction, FormErrors.of(problem, ui.messages()));
        }
    }

    @PostMapping("/o/{org}/statements/republish-url")
    String republishFromUrl(
            @PathVariable String org,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String publisher,
            @RequestParam(defaultValue = "") String publishedOn,
            @ModelAttribute StatementForm form,
            @RequestParam(defaultValue = "") String introduction,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        var organization = organization(org);
        permissions.require(actor, organization.id(), StatementPermission.WRITE_STATEMENTS);
        try {
            var date = FormDates.date("publishedOn", publishedOn, "statement.issued-on.invalid");
            var copy = writing.republishFromUrl(
                    actor, organization.id(), url, publisher, date, introduction, form.draft());
            redirect.addFlashAttribute("notice", copy.isPublic() ? "statement.republished" : "statement.draft-saved");
            return "redirect:/s/" + copy.slug();
        } catch (InvalidField problem) {
            model.addAttribute("url", url);
            model.addAttribute("publisher", publisher);
            model.addAttribute("publishedOn", publishedOn);
            model.addAttribute("form", form);
            model.addAttribute("urlErrors", FormErrors.of(problem, ui.messages()));
            return republishForm(model, organization, "", introduction, FormErrors.none());
        }
    }

    @PostMapping("/s/{slug}/workflow/{step:submit|approve|send-back|retract}")
    String workflow(
            @PathVariable String slug,
            @PathVariable String step,
            @RequestParam(defaultValue = "") String comment,
            @RequestParam(defaultValue = "") String publishAt,
            Actor actor,
            RedirectAttributes redirect) {
        var page = writable(slug, actor);
        var id = page.statement().id();
        var done = switch (step) {
            case "submit" -> reviewing.submit(actor, id);
            case "approve" ->
                reviewing.approveAt(
                        actor, id, FormDates.dateTime("publishAt", publishAt, "statement.publish-at.invalid"));
            case "send-back" -> reviewing.sendBack(actor, id, comment);
            default -> reviewing.retract(actor, id, comment);
        };
        redirect.addFlashAttribute(
                "notice",
                "statement.workflow." + step + "."
                        + done.status().name().toLowerCase().replace('_', '-'));
        return "redirect:/s/" + slug;
    }

    private static String translateForm(
            Model model,
            StatementPage page,
            String language,
            String title,
            String subtitle,
            String body,
            String translator,
            FormErrors errors) {
        model.addAttribute("page", page);
        model.addAttribute("language", language);
        model.addAttribute("title", title);
        model.addAttribute("subtitle", subtitle);
        model.addAttribute("body", body);
        model.addAttribute("translator", translator);
        model.addAttribute("errors", errors);
        return "statements/translate";
    }

    private static String republishForm(
            Model model, Organization organization, String source, String introduction, FormErrors errors) {
        model.addAttribute("organization", organization);
        model.addAttribute("source", source);
        model.addAttribute("introduction", introduction);
        model.addAttribute("errors", errors);
        return "statements/republish";
    }

    private StatementPage writable(String slug, Actor actor) {
        var page = reading.page(actor, slug, null);
        if (!page.canWrite()) {
            throw new org.chorus.shared.PermissionDenied("permission.denied");
        }
        return page;
    }

    private Organization organization(String slug) {
        return organizations.bySlug(slug).orElseThrow(() -> new NotFoundException("organization.not-found"));
    }

    private String form(
            Model model,
            Organization organization,
            StatementPage page,
            StatementForm form,
            FormErrors errors,
            Markdown.Rendering preview) {
        model.addAttribute("organization", organization);
        model.addAttribute("page", page);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "previewHtml", preview == null ? null : preview.html().html());
        if (preview != null) {
            model.addAttribute("removedImages", preview.removedImages());
        }
        return "statements/edit";
    }
}

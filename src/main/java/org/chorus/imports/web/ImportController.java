package org.chorus.imports.web;

import java.io.IOException;
import java.util.UUID;
import org.chorus.imports.ImportingWordPress;
import org.chorus.imports.WxrRejected;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.chorus.statements.StatementPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** An organization's owners upload a WordPress export and see what was imported and what was not. */
@Controller
class ImportController {

    private final ImportingWordPress importing;
    private final CoalitionDirectory organizations;
    private final OrganizationPermissions permissions;

    ImportController(
            ImportingWordPress importing, CoalitionDirectory organizations, OrganizationPermissions permissions) {
        this.importing = importing;
        this.organizations = organizations;
        this.permissions = permissions;
    }

    @GetMapping("/o/{slug}/import")
    String form(@PathVariable String slug, Actor actor, Ui ui, Model model) {
        var organization =
                organizations.bySlug(slug).orElseThrow(() -> new NotFoundException("organization.not-found"));
        permissions.require(actor, organization.id(), StatementPermission.PUBLISH_STATEMENTS);
        model.addAttribute("organization", organization);
        model.addAttribute("language", ui.lang());
        model.addAttribute("errors", FormErrors.none());
        return "imports/import";
    }

    /**
     * Reads the file at once, so a refused one is shown next to the field with nothing stored, then follows the
     * import on its progress page.
     */
    @PostMapping("/o/{slug}/import")
    String upload(
            @PathVariable String slug,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "en") String language,
            Actor actor,
            Ui ui,
            Model model)
            throws IOException {
        var organization =
                organizations.bySlug(slug).orElseThrow(() -> new NotFoundException("organization.not-found"));
        permissions.require(actor, organization.id(), StatementPermission.PUBLISH_STATEMENTS);
        model.addAttribute("organization", organization);
        model.addAttribute("language", language);
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", FormErrors.of("file", WxrRejected.noFile(), ui.messages()));
            return "imports/import";
        }
        try (var in = file.getInputStream()) {
            var id = importing.start(actor, organization.id(), in, language);
            return "redirect:/o/" + slug + "/imports/" + id;
        } catch (WxrRejected rejected) {
            model.addAttribute("errors", FormErrors.of("file", rejected, ui.messages()));
        } catch (org.chorus.shared.InvalidField invalid) {
            model.addAttribute("errors", FormErrors.of("language", invalid, ui.messages()));
        }
        return "imports/import";
    }

    /** Items done of the total while it runs (the page reloads itself every 2 s, no script needed), then the report. */
    @GetMapping("/o/{slug}/imports/{id}")
    String progress(@PathVariable String slug, @PathVariable UUID id, Actor actor, Model model) {
        var organization =
                organizations.bySlug(slug).orElseThrow(() -> new NotFoundException("organization.not-found"));
        model.addAttribute("progress", importing.progress(actor, organization.id(), id));
        model.addAttribute("organization", organization);
        return "imports/progress";
    }
}

package org.chorus.campaigns.web;

import java.util.Objects;
import org.chorus.campaigns.CampaignDraft;
import org.chorus.campaigns.CampaignPage;
import org.chorus.campaigns.CampaignPermission;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.campaigns.WritingCampaigns;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.PermissionDenied;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Writing, translating, publishing and withdrawing campaigns. Every action is checked again by its use case. */
@Controller
class EditingCampaignsController {

    private final WritingCampaigns writing;
    private final ReadingCampaigns reading;
    private final CoalitionDirectory organizations;
    private final OrganizationPermissions permissions;

    EditingCampaignsController(
            WritingCampaigns writing,
            ReadingCampaigns reading,
            CoalitionDirectory organizations,
            OrganizationPermissions permissions) {
        this.writing = writing;
        this.reading = reading;
        this.organizations = organizations;
        this.permissions = permissions;
    }

    @GetMapping("/o/{org}/campaigns/manage")
    String manage(@PathVariable String org, Actor actor, Ui ui, Model model) {
        var organization = organization(org);
        model.addAttribute("campaigns", reading.managed(actor, organization.id(), ui.lang()));
        model.addAttribute("organization", organization);
        return "campaigns/manage";
    }

    @GetMapping("/o/{org}/campaigns/new")
    String newForm(@PathVariable String org, Actor actor, Ui ui, Model model) {
        var organization = organization(org);
        permissions.require(actor, organization.id(), CampaignPermission.WRITE_CAMPAIGNS);
        var form = CampaignDraft.blank(
                ui.lang(), organizations.timeZone(organization.id()).getId());
        return form(model, organization, null, form, 0, FormErrors.none());
    }

    @PostMapping("/o/{org}/campaigns/new")
    String create(
            @PathVariable String org,
            @ModelAttribute CampaignDraft form,
            @RequestParam(required = false) String addDay,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        var organization = organization(org);
        if (addDay != null) {
            permissions.require(actor, organization.id(), CampaignPermission.WRITE_CAMPAIGNS);
            return form(model, organization, null, form, 1, FormErrors.none());
        }
        try {
            var campaign = writing.create(actor, organization.id(), form);
            redirect.addFlashAttribute("notice", "campaign.draft-saved");
            return "redirect:/c/" + campaign.slug();
        } catch (InvalidField problem) {
            return form(model, organization, null, form, 0, FormErrors.of(problem, ui.messages()));
        }
    }

    @GetMapping("/c/{slug}/edit")
    String editForm(@PathVariable String slug, Actor actor, Model model) {
        var page = writable(actor, slug);
        return form(model, page.issuer(), page, CampaignDraft.of(page), 0, FormErrors.none());
    }

    @PostMapping("/c/{slug}/edit")
    String edit(
            @PathVariable String slug,
            @ModelAttribute CampaignDraft form,
            @RequestParam(required = false) String addDay,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        var page = writable(actor, slug);
        if (addDay != null) {
            return form(model, page.issuer(), page, form, 1, FormErrors.none());
        }
        try {
            writing.edit(actor, slug, form);
        } catch (DomainException problem) {
            return form(model, page.issuer(), page, form, 0, FormErrors.of(shownOnForm(problem), ui.messages()));
        }
        redirect.addFlashAttribute("notice", "campaign.saved");
        return "redirect:/c/" + slug;
    }

    @GetMapping("/c/{slug}/translate")
    String translateForm(
            @PathVariable String slug, @RequestParam(required = false) String language, Actor actor, Model model) {
        var page = writable(actor, slug);
        var existing = page.translations().stream()
                .filter(t -> t.language().equals(language))
                .findFirst();
        var form = new TranslationForm(
                Objects.toString(language, ""),
                existing.map(t -> t.title()).orElse(""),
                existing.map(t -> t.summary()).orElse(""),
                existing.map(t -> t.call()).orElse(""),
                existing.map(t -> String.join("\n", t.demands())).orElse(""));
        return translation(model, page, form, FormErrors.none());
    }

    @PostMapping("/c/{slug}/translate")
    String translate(
            @PathVariable String slug,
            @ModelAttribute TranslationForm form,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        var page = writable(actor, slug);
        try {
            writing.translate(actor, slug, form.language(), form.title(), form.summary(), form.call(), form.demands());
        } catch (DomainException problem) {
            return translation(model, page, form, FormErrors.of(shownOnForm(problem), ui.messages()));
        }
        redirect.addFlashAttribute("notice", "campaign.translation-saved");
        return "redirect:/c/" + slug + "/" + form.language().strip().toLowerCase(java.util.Locale.ROOT);
    }

    @PostMapping("/c/{slug}/publish")
    String publish(@PathVariable String slug, Actor actor, RedirectAttributes redirect) {
        writing.publish(actor, slug);
        redirect.addFlashAttribute("notice", "campaign.published-now");
        return "redirect:/c/" + slug;
    }

    @PostMapping("/c/{slug}/withdraw")
    String withdraw(
            @PathVariable String slug,
            @RequestParam(required = false) String note,
            Actor actor,
            RedirectAttributes redirect) {
        try {
            writing.withdraw(actor, slug, note);
            redirect.addFlashAttribute("notice", "campaign.withdrawn-now");
        } catch (InvalidField missingNote) {
            redirect.addFlashAttribute("notice", "campaign.withdrawal-note.required");
        }
        return "redirect:/c/" + slug;
    }

    /**
     * A refusal the form shows again (a field, or a conflict such as a campaign withdrawn meanwhile); anything else
     * (403, 404) goes on to the error page.
     */
    private static DomainException shownOnForm(DomainException problem) {
        if (problem instanceof InvalidField || problem.status() == 409) {
            return problem;
        }
        throw problem;
    }

    /** The campaign's page for someone who may write it; a draft is not found for others, a published one forbidden. */
    private CampaignPage writable(Actor actor, String slug) {
        var page = reading.page(actor, slug, null);
        if (!page.canWrite()) {
            throw new PermissionDenied("permission.denied");
        }
        return page;
    }

    private Organization organization(String slug) {
        return organizations.bySlug(slug).orElseThrow(() -> new NotFoundException("organization.not-found"));
    }

    /** The form shows at least this many date inputs for days of action. */
    static final int DAY_INPUTS = 2;

    /**
     * The campaign form. Days of action are one date input each: the dates written, then empty inputs up to one more
     * than written (at least {@link #DAY_INPUTS}), and {@code extraDays} more after "add another day".
     */
    private static String form(
            Model model,
            Organization organization,
            CampaignPage page,
            CampaignDraft form,
            int extraDays,
            FormErrors errors) {
        var inputs = new java.util.ArrayList<>(
                form.daysOfAction().stream().filter(d -> !d.isEmpty()).toList());
        int wanted = Math.max(DAY_INPUTS, inputs.size() + 1) + extraDays;
        while (inputs.size() < wanted) {
            inputs.add("");
        }
        model.addAttribute("organization", organization);
        model.addAttribute("page", page);
        model.addAttribute("form", form);
        model.addAttribute("dayInputs", inputs);
        model.addAttribute("errors", errors);
        return "campaigns/edit";
    }

    private static String translation(Model model, CampaignPage page, TranslationForm form, FormErrors errors) {
        model.addAttribute("page", page);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "campaigns/translate";
    }
}

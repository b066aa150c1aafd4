package org.chorus.actions.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.chorus.actions.Action;
import org.chorus.actions.ActionForm;
import org.chorus.actions.HostFormStamps;
import org.chorus.actions.HostingByEmail;
import org.chorus.actions.ManagedByLink;
import org.chorus.campaigns.PublishedCampaign;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.organizations.Actor;
import org.chorus.places.City;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.web.ConfirmLinkPage;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.PageContributions;
import org.chorus.shared.web.PublicPage;
import org.chorus.shared.web.SameOrigin;
import org.chorus.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Hosts without an account: the form (a public page the cache keeps, with a signed stamp and no session, like the
 * sign-on form), "check your email", the confirmation link's page whose button confirms by POST, and the private manage
 * link's page where the host edits or cancels the action. Signing in first leads back to the usual form.
 */
@Controller
class HostingByEmailController {

    private final HostingByEmail byEmail;
    private final HostFormStamps stamps;
    private final ReadingCampaigns campaigns;
    private final ActionFormPage page;
    private final ChorusProperties properties;
    private final PageContributions<ManagedByLink> managedParts;

    HostingByEmailController(
            HostingByEmail byEmail,
            HostFormStamps stamps,
            ReadingCampaigns campaigns,
            ActionFormPage page,
            ChorusProperties properties,
            ObjectProvider<PageContribution<ManagedByLink>> managedParts) {
        this.byEmail = byEmail;
        this.stamps = stamps;
        this.campaigns = campaigns;
        this.page = page;
        this.properties = properties;
        this.managedParts = new PageContributions<>(managedParts);
    }

    /** "Sign in" on the way to the form: a visitor signs in and comes back to the usual form. */
    @GetMapping("/c/{slug}/actions/new/sign-in")
    String signInFirst(@PathVariable String slug, Actor actor) {
        return "redirect:/c/" + campaign(slug, null).slug() + "/actions/new";
    }

    @GetMapping("/c/{slug}/actions/host")
    @PublicPage
    String form(@PathVariable String slug, @Nullable Actor viewer, Ui ui, Model model) {
        var campaign = campaign(slug, ui);
        if (viewer != null) {
            return "redirect:/c/" + campaign.slug() + "/actions/new";
        }
        return form(
                model,
                campaign,
                ActionForm.empty(),
                "",
                "",
                stamps.issue(campaign.id()),
                "",
                List.of(),
                FormErrors.none());
    }

    @PostMapping("/c/{slug}/actions/host")
    String submit(
            @PathVariable String slug,
            @ModelAttribute ActionForm form,
            @RequestParam(defaultValue = "") String hostName,
            @RequestParam(defaultValue = "") String hostEmail,
            @RequestParam(defaultValue = "") String homepage,
            @RequestParam(defaultValue = "") String stamp,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String find,
            Ui ui,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        SameOrigin.require(request, properties.baseUrl(), "action.cross-site");
        response.setHeader("Cache-Control", "private, no-store");
        var campaign = campaign(slug, ui);
        if (find != null) {
            return form(model, campaign, form, hostName, hostEmail, stamp, q, page.suggestions(q), FormErrors.none());
        }
        try {
            byEmail.submit(
                    slug,
                    form,
                    hostName,
                    hostEmail,
                    new HostingByEmail.Signals(homepage, stamp, request.getRemoteAddr()),
                    ui.language());
            // committed: "check your email" is the same page for everyone (kept in the page cache); 303, so reloading
            // it sends nothing again
            request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
            return "redirect:/c/" + campaign.slug() + "/actions/host/sent";
        } catch (InvalidField problem) {
            return refused(model, campaign, form, hostName, hostEmail, q, FormErrors.of(problem, ui.messages()));
        } catch (DomainException problem) {
            if (problem.status() != 429) {
                throw problem;
            }
            return refused(
                    model, campaign, form, hostName, hostEmail, q, FormErrors.of("form", problem, ui.messages()));
        }
    }

    @GetMapping("/c/{slug}/actions/host/sent")
    @PublicPage
    String sent(@PathVariable String slug, Ui ui, Model model) {
        model.addAttribute("campaign", campaign(slug, ui));
        return "actions/check-email";
    }

    @GetMapping("/actions/confirm/{token}")
    String confirmPage(@PathVariable String token, Ui ui, Model model, HttpServletResponse response) {
        return ConfirmLinkPage.show(model, response, ui, "action.confirm", "/actions/confirm/" + segment(token));
    }

    @PostMapping("/actions/confirm/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        var confirmation = byEmail.confirm(token);
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(
                switch (confirmation.outcome()) {
                    case REGISTERED -> 200;
                    case EXPIRED -> 410;
                    case REFUSED -> 409;
                    case UNKNOWN -> 404;
                });
        model.addAttribute("confirmation", confirmation);
        return "actions/confirmed";
    }

    @GetMapping("/actions/manage/{token}")
    String managePage(@PathVariable String token, Ui ui, Model model, HttpServletResponse response) {
        var managed = byEmail.managed(token);
        return manage(model, response, ui, token, managed.action(), managed.form(), "", List.of(), FormErrors.none());
    }

    @PostMapping("/actions/manage/{token}")
    String edit(
            @PathVariable String token,
            @ModelAttribute ActionForm form,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String find,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (find != null) {
            return manage(
                    model,
                    response,
                    ui,
                    token,
                    byEmail.managed(token).action(),
                    form,
                    q,
                    page.suggestions(q),
                    FormErrors.none());
        }
        try {
            byEmail.edit(token, form);
            redirect.addFlashAttribute("notice", "action.saved.pending");
            return "redirect:/actions/manage/" + segment(token);
        } catch (InvalidField problem) {
            return manage(
                    model,
                    response,
                    ui,
                    token,
                    byEmail.managed(token).action(),
                    form,
                    q,
                    List.of(),
                    FormErrors.of(problem, ui.messages()));
        }
    }

    @PostMapping("/actions/manage/{token}/cancel")
    String cancel(@PathVariable String token, RedirectAttributes redirect) {
        byEmail.cancel(token);
        redirect.addFlashAttribute("notice", "action.cancelled.notice");
        return "redirect:/actions/manage/" + segment(token);
    }

    /** A refused form comes back with a new stamp (the old one may be what was refused), never cached. */
    private String refused(
            Model model,
            PublishedCampaign campaign,
            ActionForm form,
            String hostName,
            String hostEmail,
            String q,
            FormErrors errors) {
        return form(model, campaign, form, hostName, hostEmail, stamps.issue(campaign.id()), q, List.of(), errors);
    }

    private String form(
            Model model,
            PublishedCampaign campaign,
            ActionForm form,
            String hostName,
            String hostEmail,
            String stamp,
            String q,
            List<City> suggestions,
            FormErrors errors) {
        page.show(model, null, campaign, null, form, q, suggestions, errors);
        model.addAttribute("target", "/c/" + campaign.slug() + "/actions/host");
        model.addAttribute("guest", new GuestFields(hostName, hostEmail, stamp));
        return "actions/edit";
    }

    /** The manage link's page: the action's state, its form, and the button that cancels it; never stored. */
    private String manage(
            Model model,
            HttpServletResponse response,
            Ui ui,
            String token,
            Action action,
            ActionForm form,
            String q,
            List<City> suggestions,
            FormErrors errors) {
        response.setHeader("Cache-Control", "no-store");
        page.show(model, null, campaign(action.campaignSlug(), ui), action.id(), form, q, suggestions, errors);
        var path = "/actions/manage/" + segment(token);
        model.addAttribute("target", path);
        model.addAttribute("managed", action);
        model.addAttribute("managedParts", managedParts.render(new ManagedByLink(action, path), ui));
        return "actions/edit";
    }

    private PublishedCampaign campaign(String slug, Ui ui) {
        return campaigns
                .published(slug, ui == null ? null : ui.lang())
                .orElseThrow(() -> new NotFoundException("campaign.not-found"));
    }

    private static String segment(String token) {
        return UriUtils.encodePathSegment(token, StandardCharsets.UTF_8);
    }
}

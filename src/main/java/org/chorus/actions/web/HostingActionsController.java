package org.chorus.actions.web;

import java.util.List;
import java.util.function.Supplier;
import org.chorus.actions.Action;
import org.chorus.actions.ActionForm;
import org.chorus.actions.ActionId;
import org.chorus.actions.HostingActions;
import org.chorus.campaigns.PublishedCampaign;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A host registers an action under a campaign, edits and cancels it. The city is found without JavaScript by posting
 * the form back with what was typed ({@code find}), which lists the matching cities to pick; with htmx the list comes
 * as the host types ({@code /places/cities}).
 */
@Controller
class HostingActionsController {

    private final HostingActions hosting;
    private final ReadingCampaigns campaigns;
    private final ActionFormPage page;

    HostingActionsController(HostingActions hosting, ReadingCampaigns campaigns, ActionFormPage page) {
        this.hosting = hosting;
        this.campaigns = campaigns;
        this.page = page;
    }

    /** The form, or for visitors without a session the way to one: sign in or create an account. */
    @GetMapping("/c/{slug}/actions/new")
    String newForm(@PathVariable String slug, @Nullable Actor actor, Ui ui, Model model) {
        var campaign = campaign(slug, ui);
        if (actor == null) {
            model.addAttribute("campaign", campaign);
            return "actions/sign-in-first";
        }
        return page.show(model, actor, campaign, null, ActionForm.empty(), "", List.of(), FormErrors.none());
    }

    @PostMapping("/c/{slug}/actions/new")
    String register(
            @PathVariable String slug,
            @ModelAttribute ActionForm form,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String find,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        var campaign = campaign(slug, ui);
        return submit(
                model,
                actor,
                campaign,
                null,
                form,
                q,
                find,
                ui,
                redirect,
                () -> hosting.register(actor, slug, form),
                "action.registered.approved",
                "action.registered.pending");
    }

    @GetMapping("/actions/{id:[0-9a-f-]{36}}/edit")
    String editForm(@PathVariable String id, Actor actor, Ui ui, Model model) {
        var actionId = ActionId.parse(id);
        var form = hosting.form(actor, actionId);
        var slug = hosting.campaignOf(actor, actionId);
        return page.show(model, actor, campaign(slug, ui), actionId, form, "", List.of(), FormErrors.none());
    }

    @PostMapping("/actions/{id:[0-9a-f-]{36}}/edit")
    String edit(
            @PathVariable String id,
            @ModelAttribute ActionForm form,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String find,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        var actionId = ActionId.parse(id);
        var campaign = campaign(hosting.campaignOf(actor, actionId), ui);
        return submit(
                model,
                actor,
                campaign,
                actionId,
                form,
                q,
                find,
                ui,
                redirect,
                () -> hosting.edit(actor, actionId, form),
                "action.saved",
                "action.saved.pending");
    }

    /**
     * Lists the cities matching what was typed ({@code find}), or saves the form and goes to the action's page with
     * the notice for its status; a refused form comes back with each error next to its field.
     */
    private String submit(
            Model model,
            Actor actor,
            PublishedCampaign campaign,
            ActionId editing,
            ActionForm form,
            String q,
            String find,
            Ui ui,
            RedirectAttributes redirect,
            Supplier<Action> save,
            String publicNotice,
            String pendingNotice) {
        if (find != null) {
            return page.show(model, actor, campaign, editing, form, q, page.suggestions(q), FormErrors.none());
        }
        try {
            var action = save.get();
            redirect.addFlashAttribute("notice", action.isPublic() ? publicNotice : pendingNotice);
            return "redirect:/actions/" + action.id();
        } catch (DomainException problem) {
            return page.show(
                    model, actor, campaign, editing, form, q, List.of(), FormErrors.of(problem, ui.messages()));
        }
    }

    @PostMapping("/actions/{id:[0-9a-f-]{36}}/cancel")
    String cancel(@PathVariable String id, Actor actor, RedirectAttributes redirect) {
        hosting.cancel(actor, ActionId.parse(id));
        redirect.addFlashAttribute("notice", "action.cancelled.notice");
        return "redirect:/actions/" + id;
    }

    private PublishedCampaign campaign(String slug, Ui ui) {
        return campaigns.published(slug, ui.lang()).orElseThrow(() -> new NotFoundException("campaign.not-found"));
    }
}

package org.chorus.actions.web;

import java.util.ArrayList;
import java.util.List;
import org.chorus.actions.ActionFilter;
import org.chorus.actions.ActionId;
import org.chorus.actions.ModeratingActions;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organizers' queue of a campaign's actions: filters, bulk approval, rejection with a reason, flagship. */
@Controller
class ModeratingActionsController {

    private final ModeratingActions moderating;

    ModeratingActionsController(ModeratingActions moderating) {
        this.moderating = moderating;
    }

    @GetMapping("/c/{slug}/manage/actions")
    String queue(
            @PathVariable String slug,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String day,
            @RequestParam(required = false) String country,
            @RequestParam(defaultValue = "false") boolean newHosts,
            @RequestParam(required = false) String after,
            Actor actor,
            Ui ui,
            Model model) {
        var filter = ActionFilter.parse(kind, day, country, newHosts);
        model.addAttribute("queue", moderating.queue(actor, slug, filter, after, ui.lang()));
        return "actions/manage";
    }

    /**
     * Approves, in one transaction, the actions ticked in the queue, or with {@code page} every action the page
     * showed ({@code shown}); back to the queue with its filters, where the next ones wait.
     */
    @PostMapping("/c/{slug}/manage/actions/approve")
    String approve(
            @PathVariable String slug,
            @RequestParam(name = "action", required = false) List<String> ticked,
            @RequestParam(name = "shown", required = false) List<String> shown,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String day,
            @RequestParam(required = false) String country,
            @RequestParam(defaultValue = "false") boolean newHosts,
            Actor actor,
            RedirectAttributes redirect) {
        var filter = ActionFilter.parse(kind, day, country, newHosts);
        var ids = page != null ? shown : ticked;
        var chosen = new ArrayList<ActionId>();
        for (var id : ids == null ? List.<String>of() : ids) {
            chosen.add(ActionId.parse(id));
        }
        if (chosen.size() > ModeratingActions.QUEUE_SIZE) {
            throw new DomainException(400, "actions.manage.too-many", ModeratingActions.QUEUE_SIZE);
        }
        var approved = moderating.approve(actor, slug, chosen);
        redirect.addFlashAttribute("notice", approved == 0 ? "action.approved.none" : "action.approved.some");
        var query = filter.query();
        return "redirect:/c/" + slug + "/manage/actions" + (query.isEmpty() ? "" : "?" + query);
    }

    @PostMapping("/actions/{id:[0-9a-f-]{36}}/reject")
    String reject(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String reason,
            Actor actor,
            RedirectAttributes redirect) {
        try {
            var action = moderating.reject(actor, ActionId.parse(id), reason);
            redirect.addFlashAttribute("notice", "action.rejected.notice");
            return "redirect:/c/" + action.campaignSlug() + "/manage/actions";
        } catch (DomainException problem) {
            if (problem.status() != 422) {
                throw problem;
            }
            redirect.addFlashAttribute("notice", "action.reason.required");
            return "redirect:/actions/" + id;
        }
    }

    @PostMapping("/actions/{id:[0-9a-f-]{36}}/flagship")
    String flagship(
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean flagship,
            Actor actor,
            RedirectAttributes redirect) {
        moderating.flagship(actor, ActionId.parse(id), flagship);
        redirect.addFlashAttribute("notice", flagship ? "action.flagship.marked" : "action.flagship.unmarked");
        return "redirect:/actions/" + id;
    }

    /** Trusts the action's host or hosting organization for the campaign (or no longer): their actions skip the queue. */
    @PostMapping("/actions/{id:[0-9a-f-]{36}}/trust")
    String trust(
            @PathVariable String id,
            @RequestParam(defaultValue = "HOST") String what,
            @RequestParam(defaultValue = "false") boolean trusted,
            Actor actor,
            RedirectAttributes redirect) {
        var trust = trust(what);
        moderating.trust(actor, ActionId.parse(id), trust, trusted);
        redirect.addFlashAttribute(
                "notice",
                "action.trust." + trust.name().toLowerCase(java.util.Locale.ROOT) + (trusted ? ".on" : ".off"));
        return "redirect:/actions/" + id;
    }

    private static ModeratingActions.Trust trust(String typed) {
        try {
            return ModeratingActions.Trust.valueOf(typed.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.chorus.shared.DomainException(400, "action.trust.invalid");
        }
    }
}

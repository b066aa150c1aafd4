package org.chorus.audit.web;

import org.chorus.audit.ActivityCursor;
import org.chorus.audit.ReadingActivity;
import org.chorus.organizations.Actor;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log's two pages: a person's own activity, and an organization's for its owners. {@code before} is the
 * cursor of the "older entries" link; {@code zone} the time zone the reader chose for the times (UTC until then).
 */
@Controller
class ActivityController {

    private final ReadingActivity activity;

    ActivityController(ReadingActivity activity) {
        this.activity = activity;
    }

    @GetMapping("/account/activity")
    String ofAccount(
            Actor actor,
            @RequestParam(required = false) String before,
            @RequestParam(required = false) String zone,
            Ui ui,
            Model model) {
        var found = activity.ofAccount(actor, ActivityCursor.parse(before).orElse(null));
        model.addAttribute(
                "page", ActivityPage.of(ui, ui.t("audit.account.title"), "/account/activity", found, zone, null));
        return "audit/activity";
    }

    @GetMapping("/o/{slug}/manage/activity")
    String ofOrganization(
            @PathVariable String slug,
            Actor actor,
            @RequestParam(required = false) String before,
            @RequestParam(required = false) String zone,
            Ui ui,
            Model model) {
        var found = activity.ofOrganization(
                actor, slug, ActivityCursor.parse(before).orElse(null));
        var organization = activity.organization(slug);
        model.addAttribute(
                "page",
                ActivityPage.of(
                        ui,
                        ui.t("audit.organization.title", organization.name()),
                        "/o/" + organization.slug() + "/manage/activity",
                        found,
                        zone,
                        organization));
        return "audit/activity";
    }
}

package org.chorus.campaigns.web;

import org.chorus.campaigns.AfterCampaignCall;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.PageContributions;
import org.chorus.shared.web.PublicPage;
import org.chorus.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public campaign page and the list of campaigns. */
@Controller
class CampaignPagesController {

    private final ReadingCampaigns reading;
    private final CoalitionDirectory organizations;
    private final PageContributions<AfterCampaignCall> contributions;

    CampaignPagesController(
            ReadingCampaigns reading,
            CoalitionDirectory organizations,
            ObjectProvider<PageContribution<AfterCampaignCall>> contributions) {
        this.reading = reading;
        this.organizations = organizations;
        this.contributions = new PageContributions<>(contributions);
    }

    /** What modules above campaigns add to a campaign's page (decision 0006). */
    @ModelAttribute("contributions")
    PageContributions<AfterCampaignCall> contributions() {
        return contributions;
    }

    @GetMapping("/c/{slug}")
    @PublicPage
    String original(@PathVariable String slug, @Nullable Actor viewer, Model model) {
        model.addAttribute("page", reading.page(viewer, slug, null));
        return "campaigns/show";
    }

    @GetMapping("/c/{slug}/{language:[a-z]{2,3}}")
    @PublicPage
    String translation(@PathVariable String slug, @PathVariable String language, @Nullable Actor viewer, Model model) {
        model.addAttribute("page", reading.page(viewer, slug, language));
        return "campaigns/show";
    }

    /** A page of the list: the newest campaigns, or those older than a cursor the list gave ({@code after}). */
    @GetMapping("/campaigns")
    @PublicPage(parameters = {"organization", "after"})
    String list(
            @RequestParam(required = false) String organization,
            @RequestParam(required = false) String after,
            Ui ui,
            Model model) {
        Organization chosen =
                organization == null || organization.isBlank() ? null : organizations.listed(organization.strip());
        model.addAttribute("list", reading.list(chosen == null ? null : chosen.id(), after, ui.lang()));
        model.addAttribute("organization", chosen);
        return "campaigns/list";
    }
}

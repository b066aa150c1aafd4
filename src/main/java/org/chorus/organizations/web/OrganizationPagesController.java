package org.chorus.organizations.web;

import org.chorus.organizations.Actor;
import org.chorus.organizations.AfterOrganizationProfile;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.ManageLinks;
import org.chorus.organizations.ManagingMembers;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.PageContributions;
import org.chorus.shared.web.PublicPage;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public page of an organization, with what modules above add to it (its statements; decision 0006). People are
 * listed only to those the organization lets see them.
 */
@Controller
class OrganizationPagesController {

    private final CoalitionDirectory directory;
    private final ManagingMembers members;
    private final PageContributions<AfterOrganizationProfile> contributions;
    private final PageContributions<ManageLinks> manageLinks;

    OrganizationPagesController(
            CoalitionDirectory directory,
            ManagingMembers members,
            ObjectProvider<PageContribution<AfterOrganizationProfile>> contributions,
            ObjectProvider<PageContribution<ManageLinks>> manageLinks) {
        this.directory = directory;
        this.members = members;
        this.contributions = new PageContributions<>(contributions);
        this.manageLinks = new PageContributions<>(manageLinks);
    }

    /** What modules above organizations add to the buttons its own people see (co-issue requests, with a count). */
    @org.springframework.web.bind.annotation.ModelAttribute("manageLinks")
    PageContributions<ManageLinks> manageLinks() {
        return manageLinks;
    }

    @GetMapping("/o/{slug}")
    @PublicPage
    String show(@PathVariable String slug, @Nullable Actor viewer, Model model) {
        var page = directory.page(viewer, slug);
        model.addAttribute("page", page);
        model.addAttribute("contributions", contributions);
        model.addAttribute(
                "slot",
                new AfterOrganizationProfile(
                        page.organization(),
                        page.organization().active()
                                ? directory.below(page.organization().id())
                                : java.util.List.of()));
        model.addAttribute("viewer", viewer);
        model.addAttribute(
                "members",
                page.canViewPeople()
                        ? members.members(viewer, page.organization().id())
                        : java.util.List.of());
        return "organizations/show";
    }
}

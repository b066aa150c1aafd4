package org.chorus.signons.web;

import org.chorus.shared.web.PublicPage;
import org.chorus.shared.web.Ui;
import org.chorus.signons.ReadingSignOns;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public list of a statement's sign-ons: organizations grouped by country, people named with their consent, page by
 * page; and the counter the statement page polls. All kept by the page cache, stale when the count job finds new
 * totals.
 */
@Controller
class SignOnListController {

    private final ReadingSignOns reading;

    SignOnListController(ReadingSignOns reading) {
        this.reading = reading;
    }

    @GetMapping("/s/{slug}/signons")
    @PublicPage(parameters = "after")
    String organizations(@PathVariable String slug, @RequestParam(required = false) String after, Ui ui, Model model) {
        var list = reading.list(slug, ui.lang());
        var page = reading.organizations(list.statement().statement().id(), ui.locale(), after);
        model.addAttribute("list", list);
        model.addAttribute("groups", CountryGroup.of(page.items()));
        model.addAttribute("page", page);
        return "signons/organizations";
    }

    @GetMapping("/s/{slug}/signons/people")
    @PublicPage(parameters = "after")
    String people(@PathVariable String slug, @RequestParam(required = false) String after, Ui ui, Model model) {
        var list = reading.list(slug, ui.lang());
        model.addAttribute("list", list);
        model.addAttribute("page", reading.people(list, after));
        return "signons/people";
    }

    /** The totals alone, which the statement page's counter asks for again every few seconds (htmx). */
    @GetMapping("/s/{slug}/signons/count")
    @PublicPage
    String count(@PathVariable String slug, Model model) {
        model.addAttribute("slug", slug);
        model.addAttribute("totals", reading.totals(slug));
        return "signons/count";
    }
}

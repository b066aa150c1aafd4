package org.chorus.statements.web;

import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.PageContributions;
import org.chorus.shared.web.PublicPage;
import org.chorus.shared.web.Ui;
import org.chorus.statements.AfterStatementText;
import org.chorus.statements.ListPosition;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementPage;
import org.chorus.statements.StatementQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Public statement pages and lists. */
@Controller
class StatementPagesController {

    private final ReadingStatements reading;
    private final CoalitionDirectory organizations;
    private final PageContributions<AfterStatementText> contributions;

    StatementPagesController(
            ReadingStatements reading,
            CoalitionDirectory organizations,
            ObjectProvider<PageContribution<AfterStatementText>> contributions) {
        this.reading = reading;
        this.organizations = organizations;
        this.contributions = new PageContributions<>(contributions);
    }

    /** What modules above statements add to a statement's page (decision 0006). */
    @ModelAttribute("contributions")
    PageContributions<AfterStatementText> contributions() {
        return contributions;
    }

    @GetMapping("/s/{slug}")
    @PublicPage
    String original(@PathVariable String slug, @Nullable Actor viewer, Model model) {
        var page = reading.page(viewer, slug, null);
        model.addAttribute("page", page);
        model.addAttribute("topics", reading.topics(page.statement().topics()));
        timeZone(page, model);
        return "statements/show";
    }

    @GetMapping("/s/{slug}/{language:[a-z]{2,3}}")
    @PublicPage
    String translation(@PathVariable String slug, @PathVariable String language, @Nullable Actor viewer, Model model) {
        var page = reading.page(viewer, slug, language);
        model.addAttribute("page", page);
        model.addAttribute("topics", reading.topics(page.statement().topics()));
        timeZone(page, model);
        return "statements/show";
    }

    /** Writers schedule and see scheduled times in the issuer's time zone; the public never sees them. */
    private void timeZone(StatementPage page, Model model) {
        if (page.canWrite()) {
            model.addAttribute(
                    "timeZone", organizations.timeZone(page.statement().issuer()));
        }
    }

    @GetMapping("/s/{slug}/revisions")
    @PublicPage
    String revisions(@PathVariable String slug, @Nullable Actor viewer, Model model) {
        model.addAttribute("history", reading.publishedRevisions(viewer, slug));
        return "statements/revisions";
    }

    @GetMapping("/s/{slug}/revisions/{from:\\d+}/{to:\\d+}")
    @PublicPage
    String diff(
            @PathVariable String slug,
            @PathVariable int from,
            @PathVariable int to,
            @Nullable Actor viewer,
            Model model) {
        model.addAttribute("comparison", reading.diff(viewer, slug, from, to));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "statements/diff";
    }

    /**
     * A page of the list: the newest, or the one older ({@code after}) or newer ({@code before}) than a cursor the list
     * gave; {@code page} numbers from old links still work for the first pages (decision 0025).
     */
    @GetMapping("/statements")
    @PublicPage(parameters = {"organization", "topic", "language", "from", "to", "after", "before", "page"})
    String list(
            StatementQuery.Parameters parameters,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String before,
            @RequestParam(required = false) Integer page,
            Ui ui,
            Model model) {
        var query = reading.query(parameters);
        model.addAttribute("list", reading.list(query.filter(), ui.lang(), ListPosition.of(after, before, page)));
        model.addAttribute("query", query);
        model.addAttribute("organizations", organizations.listed());
        model.addAttribute("topics", reading.topicsInUse());
        return "statements/list";
    }

    @GetMapping("/o/{slug}/statements")
    @PublicPage(parameters = {"after", "before", "page"})
    String ofOrganization(
            @PathVariable String slug,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String before,
            @RequestParam(required = false) Integer page,
            Ui ui,
            Model model) {
        return list(new StatementQuery.Parameters(slug, null, null, null, null), after, before, page, ui, model);
    }
}

package org.chorus.statements.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.chorus.accounts.ChorusUser;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.shared.InvalidField;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.PageContributions;
import org.chorus.shared.web.PublicPage;
import org.chorus.shared.web.Ui;
import org.chorus.statements.AfterStatementText;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
    String original(@PathVariable String slug, @AuthenticationPrincipal ChorusUser user, Model model) {
        model.addAttribute("page", reading.page(Viewers.actor(user), slug, null));
        return "statements/show";
    }

    @GetMapping("/s/{slug}/{language:[a-z]{2,3}}")
    @PublicPage
    String translation(
            @PathVariable String slug,
            @PathVariable String language,
            @AuthenticationPrincipal ChorusUser user,
            Model model) {
        model.addAttribute("page", reading.page(Viewers.actor(user), slug, language));
        return "statements/show";
    }

    @GetMapping("/s/{slug}/revisions")
    @PublicPage
    String revisions(@PathVariable String slug, @AuthenticationPrincipal ChorusUser user, Model model) {
        var actor = Viewers.actor(user);
        model.addAttribute("page", reading.page(actor, slug, null));
        model.addAttribute("revisions", reading.publishedRevisions(actor, slug));
        return "statements/revisions";
    }

    @GetMapping("/s/{slug}/revisions/{from:\\d+}/{to:\\d+}")
    @PublicPage
    String diff(
            @PathVariable String slug,
            @PathVariable int from,
            @PathVariable int to,
            @AuthenticationPrincipal ChorusUser user,
            Model model) {
        var actor = Viewers.actor(user);
        model.addAttribute("page", reading.page(actor, slug, null));
        model.addAttribute("rows", reading.diff(actor, slug, from, to));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "statements/diff";
    }

    @GetMapping("/statements")
    @PublicPage(parameters = {"organization", "topic", "language", "from", "to", "page"})
    String list(
            @RequestParam(required = false) String organization,
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "1") int page,
            Ui ui,
            Model model) {
        var org = blank(organization) ? null : organizations.listed(organization.strip());
        var filter = new StatementFilter(
                org == null ? null : org.id(),
                blankToNull(topic),
                blankToNull(language),
                date("from", from),
                date("to", to));
        model.addAttribute("list", reading.list(filter, ui.lang(), page));
        model.addAttribute("organization", org);
        model.addAttribute("organizations", organizations.listed());
        model.addAttribute("topic", blankToNull(topic));
        model.addAttribute("language", blankToNull(language));
        model.addAttribute("from", blankToNull(from));
        model.addAttribute("to", blankToNull(to));
        return "statements/list";
    }

    @GetMapping("/o/{slug}/statements")
    @PublicPage(parameters = "page")
    String ofOrganization(@PathVariable String slug, @RequestParam(defaultValue = "1") int page, Ui ui, Model model) {
        return list(slug, null, null, null, null, page, ui, model);
    }

    private static LocalDate date(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "statement.filter.date-invalid");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.strip();
    }
}

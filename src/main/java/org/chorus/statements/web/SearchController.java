package org.chorus.statements.web;

import org.chorus.organizations.CoalitionDirectory;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Full-text search across public statements in every language. */
@Controller
class SearchController {

    private final ReadingStatements reading;
    private final CoalitionDirectory organizations;

    SearchController(ReadingStatements reading, CoalitionDirectory organizations) {
        this.reading = reading;
        this.organizations = organizations;
    }

    @GetMapping("/search")
    String search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String organization,
            Model model) {
        var filters = reading.query(new StatementQuery.Parameters(organization, null, language, null, null));
        var org = filters.organization();
        var lang = filters.language();
        var query = q.length() > 200 ? q.substring(0, 200) : q;
        model.addAttribute("q", query);
        model.addAttribute("language", lang);
        model.addAttribute("organization", org);
        model.addAttribute("organizations", organizations.listed());
        model.addAttribute("results", reading.search(query, lang, org == null ? null : org.id()));
        return "statements/search";
    }
}

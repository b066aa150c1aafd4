package org.chorus.statements.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.shared.DomainException;
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
            Model model,
            HttpServletResponse response) {
        var filters = reading.query(new StatementQuery.Parameters(organization, null, language, null, null));
        var org = filters.organization();
        var lang = filters.language();
        var query = q.length() > 200 ? q.substring(0, 200) : q;
        model.addAttribute("q", query);
        model.addAttribute("language", lang);
        model.addAttribute("organization", org);
        model.addAttribute("organizations", organizations.listed());
        try {
            model.addAttribute("results", reading.search(query, lang, org == null ? null : org.id()));
        } catch (DomainException e) {
            // too broad to answer in time, or only exclusions: the page says so and keeps the form
            response.setStatus(e.status());
            model.addAttribute("results", List.of());
            model.addAttribute("problem", e.messageKey());
        }
        return "statements/search";
    }
}

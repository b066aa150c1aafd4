package org.chorus.site.web;

import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.shared.web.PublicPage;
import org.chorus.shared.web.Ui;
import org.chorus.statements.ReadingStatements;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: current campaigns, the latest statements, then each coalition and its structure. */
@Controller
class HomeController {

    static final int LATEST = 5;
    static final int CAMPAIGNS = 3;

    private final CoalitionDirectory directory;
    private final ReadingStatements statements;
    private final ReadingCampaigns campaigns;

    HomeController(CoalitionDirectory directory, ReadingStatements statements, ReadingCampaigns campaigns) {
        this.directory = directory;
        this.statements = statements;
        this.campaigns = campaigns;
    }

    @GetMapping("/")
    @PublicPage
    String home(Ui ui, Model model) {
        model.addAttribute("coalitions", directory.coalitions());
        model.addAttribute("latest", statements.latest(ui.lang(), LATEST));
        model.addAttribute("campaigns", campaigns.current(ui.lang(), CAMPAIGNS));
        return "site/home";
    }
}

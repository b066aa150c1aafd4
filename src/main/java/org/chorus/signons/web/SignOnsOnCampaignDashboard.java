package org.chorus.signons.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.chorus.actions.CampaignDashboardSection;
import org.chorus.shared.web.BarChart;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.chorus.signons.ReadingSignOns;
import org.chorus.statements.ReadingStatements;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The campaign dashboard's part about sign-ons: the totals of the campaign's related statements opened for sign-on (as
 * the count job last counted them), as a chart, its table and CSV; nothing when none was opened.
 */
@Component
@Order(10)
class SignOnsOnCampaignDashboard implements PageContribution<CampaignDashboardSection> {

    private final ReadingSignOns signOns;
    private final ReadingStatements statements;
    private final TemplateEngine templates;

    SignOnsOnCampaignDashboard(ReadingSignOns signOns, ReadingStatements statements, TemplateEngine templates) {
        this.signOns = signOns;
        this.statements = statements;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(CampaignDashboardSection slot, Ui ui) {
        var totals = signOns.totals(slot.statements());
        if (totals.isEmpty()) {
            return Optional.empty();
        }
        var links = statements.links(totals.keySet());
        var bars = new ArrayList<BarChart.Bar>();
        for (var statement : slot.statements()) {
            var total = totals.get(statement);
            var link = links.get(statement);
            if (total != null && link != null) {
                bars.add(new BarChart.Bar(link.title(), total.organizations() + total.people()));
            }
        }
        var chart = new BarChart("signons", ui.t("signons.dashboard.title"), bars, true, slot.csv("signons"));
        return Optional.of(
                output -> templates.render("shared/bar-chart.jte", Map.of("ui", ui, "chart", chart), output));
    }
}

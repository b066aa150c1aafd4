package org.chorus.turnout.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chorus.actions.CampaignDashboardCsv;
import org.chorus.actions.CampaignDashboardSection;
import org.chorus.shared.web.BarChart;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.chorus.turnout.ReadingTurnout;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The campaign dashboard's part about reported turnout: visible reports and participants, by country and by day, as
 * charts, their tables and a CSV (the same totals the campaign's page shows).
 */
@Component
@Order(30)
class TurnoutOnCampaignDashboard implements PageContribution<CampaignDashboardSection>, CampaignDashboardCsv {

    private final ReadingTurnout turnout;
    private final TemplateEngine templates;

    TurnoutOnCampaignDashboard(ReadingTurnout turnout, TemplateEngine templates) {
        this.turnout = turnout;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(CampaignDashboardSection slot, Ui ui) {
        var totals = turnout.totals(slot.campaign());
        if (totals.isEmpty()) {
            return Optional.empty();
        }
        var byCountry = new ArrayList<BarChart.Bar>();
        totals.byCountry().forEach(c -> byCountry.add(new BarChart.Bar(ui.country(c.country()), c.participants())));
        var byDay = new ArrayList<BarChart.Bar>();
        totals.byDay().forEach(d -> byDay.add(new BarChart.Bar(ui.date(d.day()), d.participants())));
        var model = Map.<String, Object>of(
                "ui",
                ui,
                "id",
                "turnout",
                "title",
                ui.t("turnout.dashboard.title"),
                "totals",
                List.of(
                        new BarChart.Bar(ui.t("turnout.dashboard.reports"), totals.reports()),
                        new BarChart.Bar(ui.t("turnout.dashboard.participants"), totals.participants())),
                "charts",
                List.of(
                        new BarChart(
                                "turnout-by-country",
                                ui.t("turnout.dashboard.by-country"),
                                byCountry,
                                true,
                                slot.csv(name())),
                        new BarChart(
                                "turnout-by-day", ui.t("turnout.dashboard.by-day"), byDay, false, slot.csv(name()))));
        return Optional.of(output -> templates.render("shared/dashboard-section.jte", model, output));
    }

    @Override
    public String name() {
        return "turnout";
    }

    @Override
    public List<List<String>> rows(CampaignDashboardSection section) {
        var totals = turnout.totals(section.campaign());
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("by", "value", "reports", "participants"));
        totals.byCountry()
                .forEach(c -> rows.add(List.of(
                        "country", c.country(), Integer.toString(c.reports()), Long.toString(c.participants()))));
        totals.byDay()
                .forEach(d -> rows.add(List.of(
                        "day", d.day().toString(), Integer.toString(d.reports()), Long.toString(d.participants()))));
        return rows;
    }
}

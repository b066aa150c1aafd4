package org.chorus.letters.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chorus.actions.CampaignDashboardCsv;
import org.chorus.actions.CampaignDashboardSection;
import org.chorus.letters.CountingLetters;
import org.chorus.shared.web.BarChart;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The campaign dashboard's part about letters to officials: letters sent, through Chorus and from supporters' own
 * mail, by country and by day, as charts, their tables and a CSV (the officials' own counts are on the letter's page).
 */
@Component
@Order(40)
class LettersOnCampaignDashboard implements PageContribution<CampaignDashboardSection>, CampaignDashboardCsv {

    private final CountingLetters counting;
    private final TemplateEngine templates;

    LettersOnCampaignDashboard(CountingLetters counting, TemplateEngine templates) {
        this.counting = counting;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(CampaignDashboardSection slot, Ui ui) {
        var summary = counting.summary(slot.campaign());
        if (summary.byCountry().isEmpty()) {
            return Optional.empty();
        }
        long chorus = summary.byCountry().values().stream()
                .mapToLong(CountingLetters.Total::chorus)
                .sum();
        long own = summary.byCountry().values().stream()
                .mapToLong(CountingLetters.Total::ownMail)
                .sum();
        var byCountry = new ArrayList<BarChart.Bar>();
        summary.byCountry().forEach((country, t) -> byCountry.add(new BarChart.Bar(ui.country(country), t.all())));
        var byDay = new ArrayList<BarChart.Bar>();
        summary.byDay().forEach((day, t) -> byDay.add(new BarChart.Bar(ui.date(day), t.all())));
        var model = Map.<String, Object>of(
                "ui",
                ui,
                "id",
                "letters",
                "title",
                ui.t("letter.dashboard.title"),
                "totals",
                List.of(
                        new BarChart.Bar(ui.t("letter.dashboard.through-chorus"), chorus),
                        new BarChart.Bar(ui.t("letter.dashboard.own-mail"), own)),
                "charts",
                List.of(
                        new BarChart(
                                "letters-by-country",
                                ui.t("letter.dashboard.by-country"),
                                byCountry,
                                true,
                                slot.csv(name())),
                        new BarChart(
                                "letters-by-day", ui.t("letter.dashboard.by-day"), byDay, false, slot.csv(name()))));
        return Optional.of(output -> templates.render("shared/dashboard-section.jte", model, output));
    }

    @Override
    public String name() {
        return "letters";
    }

    @Override
    public List<List<String>> rows(CampaignDashboardSection section) {
        var summary = counting.summary(section.campaign());
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("by", "value", "through_chorus", "own_mail"));
        summary.byCountry()
                .forEach((country, t) -> rows.add(
                        List.of("country", country, Integer.toString(t.chorus()), Integer.toString(t.ownMail()))));
        summary.byDay()
                .forEach((day, t) -> rows.add(
                        List.of("day", day.toString(), Integer.toString(t.chorus()), Integer.toString(t.ownMail()))));
        return rows;
    }
}

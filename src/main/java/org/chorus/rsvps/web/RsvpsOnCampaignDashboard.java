package org.chorus.rsvps.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chorus.actions.CampaignDashboardSection;
import org.chorus.rsvps.ReadingRsvps;
import org.chorus.shared.web.BarChart;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The campaign dashboard's part about RSVPs: people going and waiting, RSVPs per day, as a chart, table and CSV. */
@Component
@Order(20)
class RsvpsOnCampaignDashboard implements PageContribution<CampaignDashboardSection> {

    private final ReadingRsvps rsvps;
    private final TemplateEngine templates;

    RsvpsOnCampaignDashboard(ReadingRsvps rsvps, TemplateEngine templates) {
        this.rsvps = rsvps;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(CampaignDashboardSection slot, Ui ui) {
        var figures = rsvps.ofCampaign(slot.campaign(), slot.zone());
        if (figures.isEmpty()) {
            return Optional.empty();
        }
        var perDay = new ArrayList<BarChart.Bar>();
        figures.confirmedPerDay().forEach((day, n) -> perDay.add(new BarChart.Bar(ui.date(day), n)));
        var model = Map.<String, Object>of(
                "ui",
                ui,
                "id",
                "rsvps",
                "title",
                ui.t("rsvp.dashboard.title"),
                "totals",
                List.of(
                        new BarChart.Bar(ui.t("rsvp.dashboard.going"), figures.going()),
                        new BarChart.Bar(ui.t("rsvp.dashboard.waitlisted"), figures.waitlisted()),
                        new BarChart.Bar(ui.t("rsvp.dashboard.cancelled"), figures.cancelled())),
                "charts",
                List.of(new BarChart(
                        "rsvps-per-day", ui.t("rsvp.dashboard.per-day"), perDay, false, slot.csv("rsvps"))));
        return Optional.of(output -> templates.render("shared/dashboard-section.jte", model, output));
    }
}

package org.chorus.rsvps.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/**
 * The campaign dashboard's part about RSVPs: people going and waiting, RSVPs per day, as a chart, table and CSV; and
 * the way to the thank-you the attendees get after each action.
 */
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
        List<BarChart.Bar> totals = List.of();
        List<BarChart> charts = List.of();
        if (!figures.isEmpty()) {
            totals = List.of(
                    new BarChart.Bar(ui.t("rsvp.dashboard.going"), figures.going()),
                    new BarChart.Bar(ui.t("rsvp.dashboard.waitlisted"), figures.waitlisted()),
                    new BarChart.Bar(ui.t("rsvp.dashboard.cancelled"), figures.cancelled()));
            var perDay = new ArrayList<BarChart.Bar>();
            figures.confirmedPerDay().forEach((day, n) -> perDay.add(new BarChart.Bar(ui.date(day), n)));
            charts = List.of(
                    new BarChart("rsvps-per-day", ui.t("rsvp.dashboard.per-day"), perDay, false, slot.csv("rsvps")));
        }
        // the thank-you is written before anyone RSVPs, so its link is there either way
        var links = new LinkedHashMap<String, String>();
        links.put(ui.t("rsvp.thanks.manage"), "/c/" + slot.slug() + "/manage/thanks");
        var model = Map.<String, Object>of(
                "ui",
                ui,
                "id",
                "rsvps",
                "title",
                ui.t("rsvp.dashboard.title"),
                "totals",
                totals,
                "charts",
                charts,
                "links",
                links);
        return Optional.of(output -> templates.render("shared/dashboard-section.jte", model, output));
    }
}

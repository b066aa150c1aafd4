package org.chorus.actions.web;

import java.util.ArrayList;
import java.util.List;
import org.chorus.actions.CampaignDashboardSection;
import org.chorus.actions.CampaignFigures;
import org.chorus.organizations.Actor;
import org.chorus.shared.web.BarChart;
import org.chorus.shared.web.Csv;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.PageContributions;
import org.chorus.shared.web.Ui;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The campaign dashboard for its organizers (issue 16, item 11): charts drawn on the server as SVG, each with the same
 * figures as a table and as CSV. Counts only, no personal data; never kept by a shared cache.
 */
@Controller
class CampaignDashboardController {

    private final CampaignFigures figures;
    private final org.chorus.campaigns.ReadingCampaigns campaigns;
    private final PageContributions<CampaignDashboardSection> sections;
    private final List<org.chorus.actions.CampaignDashboardCsv> parts;

    CampaignDashboardController(
            CampaignFigures figures,
            org.chorus.campaigns.ReadingCampaigns campaigns,
            ObjectProvider<PageContribution<CampaignDashboardSection>> sections,
            List<org.chorus.actions.CampaignDashboardCsv> parts) {
        this.parts = parts;
        this.figures = figures;
        this.campaigns = campaigns;
        this.sections = new PageContributions<>(sections);
    }

    @GetMapping("/c/{slug}/manage/dashboard")
    String dashboard(@PathVariable String slug, Actor actor, Ui ui, Model model) {
        var found = figures.of(actor, slug, ui.lang());
        model.addAttribute("figures", found);
        model.addAttribute("charts", charts(found, ui));
        model.addAttribute("sections", sections.render(section(found.campaign()), ui));
        return "actions/dashboard";
    }

    /** The CSV of a part a module above actions adds to the dashboard (sign-ons, RSVPs, turnout, letters). */
    @GetMapping("/c/{slug}/manage/dashboard/{part}.csv")
    @ResponseBody
    ResponseEntity<String> partCsv(@PathVariable String slug, @PathVariable String part, Actor actor, Ui ui) {
        var campaign = figures.organized(actor, slug, ui.lang());
        var csv = parts.stream()
                .filter(p -> p.name().equals(part))
                .findFirst()
                .orElseThrow(() -> new org.chorus.shared.NotFoundException("dashboard.chart-unknown"));
        return csv(campaign.slug() + "-" + part, csv.rows(section(campaign)));
    }

    @GetMapping("/c/{slug}/manage/dashboard.csv")
    @ResponseBody
    ResponseEntity<String> csv(
            @PathVariable String slug, @RequestParam(defaultValue = "registered") String chart, Actor actor, Ui ui) {
        var found = figures.of(actor, slug, ui.lang());
        return csv(found.campaign().slug() + "-" + chart, CampaignFigures.rows(found, chart));
    }

    private static ResponseEntity<String> csv(String file, List<List<String>> rows) {
        var body = new StringBuilder(Csv.BYTE_ORDER_MARK);
        rows.forEach(row -> body.append(Csv.row(row)));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".csv\"")
                .body(body.toString());
    }

    private CampaignDashboardSection section(org.chorus.campaigns.PublishedCampaign campaign) {
        return new CampaignDashboardSection(
                campaign.id(), campaign.slug(), campaign.zone(), campaigns.relatedStatements(campaign.id()));
    }

    private static List<BarChart> charts(CampaignFigures.Figures f, Ui ui) {
        var csv = "/c/" + f.campaign().slug() + "/manage/dashboard.csv?chart=";
        var perDay = new ArrayList<BarChart.Bar>();
        f.registeredPerDay().forEach((day, n) -> perDay.add(new BarChart.Bar(ui.date(day), n)));
        var byKind = new ArrayList<BarChart.Bar>();
        f.byKind().forEach((kind, n) -> byKind.add(new BarChart.Bar(ui.t(kind.key()), n)));
        var byCountry = new ArrayList<BarChart.Bar>();
        f.byCountry().forEach((code, n) -> byCountry.add(new BarChart.Bar(country(code, ui), n)));
        return List.of(
                new BarChart("registered", ui.t("dashboard.registered"), perDay, false, csv + "registered"),
                new BarChart("kind", ui.t("dashboard.by-kind"), byKind, true, csv + "kind"),
                new BarChart("country", ui.t("dashboard.by-country"), byCountry, true, csv + "country"));
    }

    private static String country(String code, Ui ui) {
        return switch (code) {
            case "" -> ui.t("dashboard.online");
            case "*" -> ui.t("dashboard.other-countries");
            default -> ui.country(code);
        };
    }
}

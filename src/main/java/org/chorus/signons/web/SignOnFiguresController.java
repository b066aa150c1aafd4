package org.chorus.signons.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.chorus.campaigns.CampaignOrganizers;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.organizations.Actor;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.PermissionDenied;
import org.chorus.shared.web.Csv;
import org.chorus.signons.ReadingSignOns;
import org.chorus.statements.ReadingStatements;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** The campaign dashboard's sign-on figures as CSV, for the campaign's organizers: totals only, no one's name. */
@Controller
class SignOnFiguresController {

    private final ReadingCampaigns campaigns;
    private final CampaignOrganizers organizers;
    private final ReadingSignOns signOns;
    private final ReadingStatements statements;

    SignOnFiguresController(
            ReadingCampaigns campaigns,
            CampaignOrganizers organizers,
            ReadingSignOns signOns,
            ReadingStatements statements) {
        this.campaigns = campaigns;
        this.organizers = organizers;
        this.signOns = signOns;
        this.statements = statements;
    }

    @GetMapping("/c/{slug}/manage/dashboard/signons.csv")
    @ResponseBody
    ResponseEntity<String> csv(@PathVariable String slug, Actor actor) {
        var campaign = campaigns.published(slug, null).orElseThrow(() -> new NotFoundException("campaign.not-found"));
        if (!organizers.isOrganizer(actor, campaign.id())) {
            throw new PermissionDenied("action.organizers-only");
        }
        var related = campaigns.relatedStatements(campaign.id());
        var totals = signOns.totals(related);
        var links = statements.links(totals.keySet());
        var body = new StringBuilder(Csv.BYTE_ORDER_MARK)
                .append(Csv.row(List.of("statement", "title", "organizations", "people", "countries")));
        for (var statement : related) {
            var total = totals.get(statement);
            var link = links.get(statement);
            if (total != null && link != null) {
                body.append(Csv.row(List.of(
                        link.slug(),
                        link.title(),
                        Integer.toString(total.organizations()),
                        Integer.toString(total.people()),
                        Integer.toString(total.countries()))));
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + "-signons.csv\"")
                .body(body.toString());
    }
}

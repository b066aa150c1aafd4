package org.chorus.turnout.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.chorus.actions.ActionId;
import org.chorus.organizations.Actor;
import org.chorus.shared.web.JsonBodies;
import org.chorus.shared.web.RequiresScope;
import org.chorus.turnout.FilingTurnoutReports;
import org.chorus.turnout.TurnoutForm;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Turnout through the API: an action's host or its campaign's organizers file or change its report (how many came,
 * what happened), as on the report page; photos are added on that page.
 */
@RestController
class TurnoutApi {

    /** A turnout report as a client files it. */
    public record NewReport(
            @Schema(description = "how many took part", example = "120")
            Integer participants,

            @Schema(description = "what happened, Markdown") String body) {}

    /** A turnout report as filed. */
    public record ReportItem(String action, String campaign, LocalDate day, int participants, String body) {}

    private final FilingTurnoutReports filing;
    private final org.chorus.turnout.ReadingTurnout reading;
    private final org.chorus.actions.ReadingActions actions;

    TurnoutApi(
            FilingTurnoutReports filing,
            org.chorus.turnout.ReadingTurnout reading,
            org.chorus.actions.ReadingActions actions) {
        this.filing = filing;
        this.reading = reading;
        this.actions = actions;
    }

    @PutMapping("/api/v1/actions/{id}/turnout")
    @RequiresScope("write:turnout")
    @Operation(
            summary = "File or change an action's turnout report (its host or the campaign's organizers)",
            description = "As on the report page, once the action has started: the number who took part and what "
                    + "happened. Filing again replaces the report; its photos stay (they are added on the page). "
                    + "Needs the scope write:turnout.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = NewReport.class)))
    ReportItem file(@PathVariable String id, @RequestBody JsonNode body, Actor actor) {
        var asked = JsonBodies.read(body, NewReport.class);
        var report = filing.file(
                actor,
                ActionId.parse(id),
                new TurnoutForm(
                        asked.participants() == null ? "" : asked.participants().toString(),
                        asked.body() == null ? "" : asked.body(),
                        List.of(),
                        List.of()),
                List.of());
        return new ReportItem(
                report.action().toString(), report.campaignSlug(), report.day(), report.participants(), report.body());
    }

    /** A photo of the report, where readers get it. */
    public record Photo(String url, int width, int height, String caption) {}

    /** A turnout report as readers see it. */
    public record Report(
            String action,
            String campaign,

            @Schema(description = "the local date the action took place")
            LocalDate day,

            int participants,
            @Schema(description = "Markdown") String body,
            List<Photo> photos,
            java.time.Instant updatedAt) {}

    @org.springframework.web.bind.annotation.GetMapping("/api/v1/actions/{id}/turnout")
    @Operation(
            summary = "An action's turnout report",
            description = "How many came, what happened and the photos, as on the action's page: public while the "
                    + "action is and the organizers have not hidden the report; its host and organizers (with a "
                    + "token that may read) also get a hidden one. 404 when there is none to see.")
    org.springframework.http.ResponseEntity<Report> report(
            @PathVariable String id,
            @org.jspecify.annotations.Nullable @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor viewer) {
        var action = ActionId.parse(id);
        var page = actions.page(viewer, action, null);
        var report = reading.report(action)
                .filter(r -> !r.hidden() || page.canEdit())
                .orElseThrow(() -> new org.chorus.shared.NotFoundException("turnout.report-not-found"));
        var answer = org.springframework.http.ResponseEntity.ok();
        if (report.hidden()) {
            answer.cacheControl(org.springframework.http.CacheControl.noStore().cachePrivate());
        }
        return answer.eTag(org.chorus.shared.web.Versions.etag(report.updatedAt()))
                .body(new Report(
                        report.action().toString(),
                        report.campaignSlug(),
                        report.day(),
                        report.participants(),
                        report.body(),
                        report.photos().stream()
                                .map(p -> new Photo(p.path(), p.width(), p.height(), p.caption()))
                                .toList(),
                        report.updatedAt()));
    }

    /** Whether a turnout report is hidden. */
    public record Hidden(Boolean hidden) {}

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/actions/{id}/turnout/hidden")
    @RequiresScope("write:turnout")
    @Operation(
            summary = "Hide a turnout report, or show it again (the campaign's organizers)",
            description = "As on the report page: a hidden report is neither public nor counted in the campaign's "
                    + "totals. 409 when the action has no report. 204. Needs the scope write:turnout.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = Hidden.class)))
    org.springframework.http.ResponseEntity<Void> hide(
            @PathVariable String id, @RequestBody JsonNode body, Actor actor) {
        var asked = JsonBodies.read(body, Hidden.class);
        if (asked.hidden() == null) {
            throw new org.chorus.shared.InvalidField("hidden", "turnout.api.hidden-required");
        }
        filing.hide(actor, ActionId.parse(id), asked.hidden());
        return org.springframework.http.ResponseEntity.noContent().build();
    }
}

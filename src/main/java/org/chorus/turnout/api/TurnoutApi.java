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

    TurnoutApi(FilingTurnoutReports filing) {
        this.filing = filing;
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
}

package org.chorus.actions.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.chorus.accounts.RequiresRecentSignIn;
import org.chorus.actions.ActionFilter;
import org.chorus.actions.ActionStatus;
import org.chorus.actions.ExportingActions;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.web.Csv;
import org.chorus.shared.web.Ui;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The campaign's actions as a CSV file for its organizers (decision 0035): every field they may see, the exact place
 * and the host's contact included, filtered as the queue is; UTF-8 with a byte order mark, RFC 4180 and safe from
 * formula injection ({@link Csv}); written as the rows are read. Never cached: it holds personal data.
 */
@Controller
class ExportingActionsController {

    static final List<String> COLUMNS = List.of(
            "id",
            "url",
            "status",
            "cancelled",
            "flagship",
            "new_host",
            "kind",
            "title",
            "description",
            "starts_at",
            "ends_at",
            "time_zone",
            "day",
            "online_url",
            "venue",
            "address",
            "city",
            "country",
            "country_name",
            "latitude",
            "longitude",
            "only_city_public",
            "organization",
            "host_name",
            "host_email",
            "accessibility",
            "rejection_reason",
            "created_at",
            "updated_at");

    private final ExportingActions exporting;

    ExportingActionsController(ExportingActions exporting) {
        this.exporting = exporting;
    }

    @GetMapping("/c/{slug}/manage/actions.csv")
    @RequiresRecentSignIn
    void csv(
            @PathVariable String slug,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String day,
            @RequestParam(required = false) String country,
            @RequestParam(defaultValue = "false") boolean newHosts,
            Actor actor,
            Ui ui,
            HttpServletResponse response) {
        var filter = ActionFilter.parse(kind, day, country, newHosts);
        var out = new PrintWriter[1];
        exporting.each(
                actor,
                slug,
                status(status),
                filter,
                campaign -> {
                    response.setContentType("text/csv;charset=UTF-8");
                    response.setHeader("Cache-Control", "private, no-store");
                    response.setHeader(
                            HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"" + campaign.slug() + "-actions.csv\"");
                    out[0] = writer(response);
                    out[0].write(Csv.BYTE_ORDER_MARK);
                    out[0].write(Csv.row(COLUMNS));
                },
                exported -> out[0].write(Csv.row(cells(exported, ui))));
        out[0].flush();
    }

    private static List<String> cells(ExportingActions.Exported exported, Ui ui) {
        var action = exported.action();
        var d = action.details();
        var place = d.place();
        return Arrays.asList(
                action.id().toString(),
                ui.absolute("/actions/" + action.id()),
                action.status().name(),
                String.valueOf(action.cancelled()),
                String.valueOf(action.flagship()),
                String.valueOf(action.newHost()),
                d.kind().name(),
                d.title(),
                d.description(),
                d.start().toLocalDateTime().toString(),
                d.end().toLocalDateTime().toString(),
                d.zone().getId(),
                d.start().toLocalDate().toString(),
                d.onlineUrl(),
                place == null ? null : place.venue(),
                place == null ? null : place.address(),
                place == null ? null : place.cityName(),
                place == null ? null : place.country(),
                place == null ? null : ui.country(place.country()),
                place == null ? null : String.valueOf(place.latitude()),
                place == null ? null : String.valueOf(place.longitude()),
                String.valueOf(d.approximate()),
                exported.organization() == null ? null : exported.organization().name(),
                exported.host() == null ? null : exported.host().name(),
                exported.host() == null ? null : exported.host().email(),
                d.accessibility(),
                action.rejectionReason(),
                action.createdAt().toString(),
                action.updatedAt().toString());
    }

    private static ActionStatus status(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return ActionStatus.valueOf(typed.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(400, "action.export.status-invalid");
        }
    }

    private static PrintWriter writer(HttpServletResponse response) {
        try {
            return response.getWriter();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

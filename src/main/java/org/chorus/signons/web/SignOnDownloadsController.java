package org.chorus.signons.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.chorus.shared.web.Csv;
import org.chorus.shared.web.Ui;
import org.chorus.signons.ReadingSignOns;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public list of a statement's sign-ons as files: CSV (formula-safe, {@link Csv}) and JSON, with the public fields
 * only, as the list shows them. Not kept by the page cache: a whole list is no page, and the cache's memory is for
 * pages.
 */
@Controller
class SignOnDownloadsController {

    static final List<String> COLUMNS =
            List.of("type", "name", "title", "affiliation", "country", "country_name", "website", "description");

    private final ReadingSignOns reading;
    private final JsonMapper mapper;

    SignOnDownloadsController(ReadingSignOns reading, JsonMapper mapper) {
        this.reading = reading;
        this.mapper = mapper;
    }

    @GetMapping("/s/{slug}/signons.csv")
    void csv(@PathVariable String slug, Ui ui, HttpServletResponse response) throws IOException {
        var list = reading.list(slug, ui.lang());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(slug, "csv"));
        var out = response.getWriter();
        out.write(Csv.BYTE_ORDER_MARK);
        out.write(Csv.row(COLUMNS));
        reading.eachListed(
                list,
                o -> out.write(Csv.row(Arrays.asList(
                        "organization",
                        o.name(),
                        null,
                        null,
                        o.country(),
                        ui.country(o.country()),
                        o.website(),
                        o.description()))),
                p -> out.write(Csv.row(Arrays.asList(
                        "person",
                        p.name(),
                        p.title(),
                        p.affiliation(),
                        p.country(),
                        ui.country(p.country()),
                        null,
                        null))));
        out.flush();
    }

    /**
     * The whole public list as JSON (the statement, its address and title, the totals, whether names are shown, then
     * the organizations and the people named), written as the rows are read.
     */
    @GetMapping("/s/{slug}/signons.json")
    void json(@PathVariable String slug, Ui ui, HttpServletResponse response) throws IOException {
        var list = reading.list(slug, ui.lang());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(slug, "json"));
        var json = new JsonRows(mapper, response);
        json.startObject(
                "statement",
                slug,
                "url",
                ui.absolute("/s/" + slug),
                "title",
                list.statement().title(),
                "totals",
                list.totals(),
                "namesShown",
                list.namesShown(),
                "organizations");
        var people = new boolean[1];
        reading.eachListed(list, json::write, person -> {
            if (!people[0]) {
                json.nextArray("people");
                people[0] = true;
            }
            json.write(person);
        });
        if (!people[0]) {
            json.nextArray("people");
        }
        json.endObject();
    }

    private static String attachment(String slug, String extension) {
        return "attachment; filename=\"" + slug + "-signons." + extension + "\"";
    }
}

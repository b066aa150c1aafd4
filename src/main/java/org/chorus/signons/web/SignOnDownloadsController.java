package org.chorus.signons.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.chorus.shared.web.Csv;
import org.chorus.shared.web.Ui;
import org.chorus.signons.ListedOrganization;
import org.chorus.signons.ListedPerson;
import org.chorus.signons.ReadingSignOns;
import org.chorus.signons.SignOnTotals;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

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

    SignOnDownloadsController(ReadingSignOns reading) {
        this.reading = reading;
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

    /** The whole public list, as the JSON download gives it. */
    record PublicList(
            String statement,
            String url,
            String title,
            SignOnTotals totals,
            boolean namesShown,
            List<ListedOrganization> organizations,
            List<ListedPerson> people) {}

    @GetMapping("/s/{slug}/signons.json")
    @ResponseBody
    ResponseEntity<PublicList> json(@PathVariable String slug, Ui ui) {
        var list = reading.list(slug, ui.lang());
        var organizations = new ArrayList<ListedOrganization>();
        var people = new ArrayList<ListedPerson>();
        reading.eachListed(list, organizations::add, people::add);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(slug, "json"))
                .body(new PublicList(
                        slug,
                        ui.absolute("/s/" + slug),
                        list.statement().title(),
                        list.totals(),
                        list.namesShown(),
                        organizations,
                        people));
    }

    private static String attachment(String slug, String extension) {
        return "attachment; filename=\"" + slug + "-signons." + extension + "\"";
    }
}

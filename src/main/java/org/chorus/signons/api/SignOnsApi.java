package org.chorus.signons.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;
import org.chorus.shared.DomainException;
import org.chorus.signons.ReadingSignOns;
import org.chorus.signons.SignOnTotals;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public sign-ons of a statement, read-only: its totals and its list, page by page, with the public fields only
 * (as the list page shows them). Organizers' fields (emails, statuses) are not served here.
 */
@RestController
class SignOnsApi {

    /** One sign-on on the public list. */
    public record SignOnItem(
            @Schema(description = "ORGANIZATION or PERSON") String kind,

            @Schema(description = "the organization's name, or the person's (listed only with their consent)")
            String name,

            @Schema(description = "ISO 3166 country code") String country,

            @Schema(description = "an organization's website, as it gave it")
            String website,

            @Schema(description = "an organization's short description")
            String description,

            @Schema(description = "a person's affiliation") String affiliation,
            @Schema(description = "a person's title") String title) {}

    /** One page of a statement's public sign-on list. */
    public record SignOnItems(
            String statement,
            @Schema(description = TOTALS) SignOnTotals totals,

            @Schema(
                    description =
                            "whether people who consented are listed by name; when false, people are only counted")
            boolean namesShown,

            @Schema(description = "organizations or people: which list this page is of")
            String list,

            List<SignOnItem> items,

            @Schema(description = "the cursor of the next page, for ?after=; null on the last page")
            String nextCursor,

            @Schema(description = "the address of the next page; null on the last page")
            String next) {}

    static final String TOTALS = "listed organizations, the countries they are in, and listed people, as counted every "
            + "few seconds; whoMaySign and accepting say whether the sign-on still takes signatures";

    private final ReadingSignOns reading;

    SignOnsApi(ReadingSignOns reading) {
        this.reading = reading;
    }

    @GetMapping("/api/v1/statements/{slug}/signons")
    @Operation(
            summary = "The public sign-ons of a statement, 100 a page",
            description = "Organizations (list=organizations, the default) come grouped by country, countries in the "
                    + "order of their English names, then by name; people (list=people) are those who agreed to be "
                    + "named, newest first. Follow `next` (or the `Link` header, rel=\"next\") for the next page; a "
                    + "cursor stays valid while people sign. 404 when the statement is not public or was never "
                    + "opened for sign-on.")
    @Parameter(name = "list", in = ParameterIn.QUERY, description = "organizations (default) or people")
    @Parameter(
            name = "after",
            in = ParameterIn.QUERY,
            description = "a cursor (nextCursor of a page): the page after it")
    ResponseEntity<SignOnItems> list(
            @PathVariable String slug,
            @RequestParam(defaultValue = "organizations") String list,
            @RequestParam(required = false) String after) {
        if (!list.equals("organizations") && !list.equals("people")) {
            throw new DomainException(400, "signons.api.list-invalid");
        }
        var signOns = reading.list(slug, null);
        List<SignOnItem> items;
        String cursor;
        if (list.equals("people")) {
            var page = reading.people(signOns, after);
            items = page.items().stream()
                    .map(p -> new SignOnItem("PERSON", p.name(), p.country(), null, null, p.affiliation(), p.title()))
                    .toList();
            cursor = page.next();
        } else {
            var page = reading.organizations(signOns.statement().statement().id(), Locale.ENGLISH, after);
            items = page.items().stream()
                    .map(o -> new SignOnItem(
                            "ORGANIZATION", o.name(), o.country(), o.website(), o.description(), null, null))
                    .toList();
            cursor = page.next();
        }
        var next = cursor == null ? null : "/api/v1/statements/" + slug + "/signons?list=" + list + "&after=" + cursor;
        var response = ResponseEntity.ok();
        if (next != null) {
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(new SignOnItems(slug, signOns.totals(), signOns.namesShown(), list, items, cursor, next));
    }
}

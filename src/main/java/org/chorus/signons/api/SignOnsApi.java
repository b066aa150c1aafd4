package org.chorus.signons.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.DomainException;
import org.chorus.signons.ModeratingSignOns;
import org.chorus.signons.ReadingSignOns;
import org.chorus.signons.SignOnKind;
import org.chorus.signons.SignOnList;
import org.chorus.signons.SignOnQuestion;
import org.chorus.signons.SignOnTotals;
import org.chorus.signons.SignerLine;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sign-ons of a statement, read-only: its totals and its list, page by page. Everyone gets the public list with the
 * public fields (as the list page shows them); a token of someone who organizes the statement's sign-on gets every
 * sign-on of the kind asked for, in any status, with every field (as their exports give them).
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
            @Schema(description = "a person's title") String title,

            @Schema(description = ORGANIZERS_ONLY + "the sign-on's id") @JsonInclude(JsonInclude.Include.NON_NULL)
            String id,

            @Schema(
                    description = ORGANIZERS_ONLY + "PENDING (not confirmed), CONFIRMED (waiting for approval), "
                            + "APPROVED (listed) or REJECTED")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            String status,

            @Schema(description = ORGANIZERS_ONLY + "the person's name, or the organization's contact person")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            String contact,

            @Schema(description = ORGANIZERS_ONLY + "the signer's email address (null once retention deleted it)")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            String email,

            @Schema(description = ORGANIZERS_ONLY + "whether a person agreed to be named in public")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            Boolean showName,

            @Schema(description = ORGANIZERS_ONLY + "another organization's sign-on looks like the same one")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            Boolean possibleDuplicate,

            @Schema(description = ORGANIZERS_ONLY + "when it was signed") @JsonInclude(JsonInclude.Include.NON_NULL)
            Instant signedAt,

            @Schema(description = ORGANIZERS_ONLY + "when its signer confirmed it")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            Instant confirmedAt,

            @Schema(description = ORGANIZERS_ONLY + "the answers to the organizers' questions, in their order")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            List<Answer> answers,

            @Schema(
                    description = ORGANIZERS_ONLY + "the organizations (their addresses, slugs) the signer agreed to "
                            + "hear from")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            List<String> consents) {

        static SignOnItem listed(
                String kind,
                String name,
                String country,
                String website,
                String description,
                String affiliation,
                String title) {
            return new SignOnItem(
                    kind,
                    name,
                    country,
                    website,
                    description,
                    affiliation,
                    title,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
    }

    /** An answer to one of the organizers' questions. */
    public record Answer(String question, String answer) {}

    static final String ORGANIZERS_ONLY = "organizers only: ";

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

            @Schema(
                    description =
                            "true when the token's account organizes this statement's sign-on: the items are "
                                    + "then every sign-on of the kind, in any status, newest first, with the organizers' fields")
            boolean organizer,

            List<SignOnItem> items,

            @Schema(description = "the cursor of the next page, for ?after=; null on the last page")
            String nextCursor,

            @Schema(description = "the address of the next page; null on the last page")
            String next) {}

    static final String TOTALS = "listed organizations, the countries they are in, and listed people, as counted every "
            + "few seconds; whoMaySign and accepting say whether the sign-on still takes signatures";

    private final ReadingSignOns reading;
    private final ModeratingSignOns moderating;
    private final CoalitionDirectory organizations;

    SignOnsApi(ReadingSignOns reading, ModeratingSignOns moderating, CoalitionDirectory organizations) {
        this.reading = reading;
        this.moderating = moderating;
        this.organizations = organizations;
    }

    @GetMapping("/api/v1/statements/{slug}/signons")
    @Operation(
            summary = "The public sign-ons of a statement, 100 a page",
            description = "Organizations (list=organizations, the default) come grouped by country, countries in the "
                    + "order of their English names, then by name; people (list=people) are those who agreed to be "
                    + "named, newest first. Follow `next` (or the `Link` header, rel=\"next\") for the next page; a "
                    + "cursor stays valid while people sign. 404 when the statement is not public or was never "
                    + "opened for sign-on. With `Authorization: Bearer chorus_…` of someone who organizes the "
                    + "statement's sign-on (owners and editors of its issuer, members they designated), the page "
                    + "holds every sign-on of the kind in any status, newest first, with the organizers' fields "
                    + "(email, contact, status, answers, consents); `organizer` says so.")
    @Parameter(name = "list", in = ParameterIn.QUERY, description = "organizations (default) or people")
    @Parameter(
            name = "after",
            in = ParameterIn.QUERY,
            description = "a cursor (nextCursor of a page): the page after it")
    ResponseEntity<SignOnItems> list(
            @PathVariable String slug,
            @RequestParam(defaultValue = "organizations") String list,
            @RequestParam(required = false) String after,
            @Nullable @Parameter(hidden = true) Actor viewer) {
        if (!list.equals("organizations") && !list.equals("people")) {
            throw new DomainException(400, "signons.api.list-invalid");
        }
        var signOns = reading.list(slug, null);
        if (moderating.organizes(viewer, slug)) {
            var page = moderating.signers(
                    viewer, slug, list.equals("people") ? SignOnKind.PERSON : SignOnKind.ORGANIZATION, after);
            var slugs = organizations
                    .find(page.consents().values().stream()
                            .flatMap(List::stream)
                            .distinct()
                            .toList())
                    .entrySet()
                    .stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().slug()));
            var questions = page.signers().questions();
            var items = page.signers().page().items().stream()
                    .map(line -> organizers(line, questions, page.consents().getOrDefault(line.id(), List.of()), slugs))
                    .toList();
            return answer(
                    slug, list, signOns, true, items, page.signers().page().next());
        }
        List<SignOnItem> items;
        String cursor;
        if (list.equals("people")) {
            var page = reading.people(signOns, after);
            items = page.items().stream()
                    .map(p ->
                            SignOnItem.listed("PERSON", p.name(), p.country(), null, null, p.affiliation(), p.title()))
                    .toList();
            cursor = page.next();
        } else {
            var page = reading.organizations(signOns.statement().statement().id(), Locale.ENGLISH, after);
            items = page.items().stream()
                    .map(o -> SignOnItem.listed(
                            "ORGANIZATION", o.name(), o.country(), o.website(), o.description(), null, null))
                    .toList();
            cursor = page.next();
        }
        return answer(slug, list, signOns, false, items, cursor);
    }

    private static ResponseEntity<SignOnItems> answer(
            String slug, String list, SignOnList signOns, boolean organizer, List<SignOnItem> items, String cursor) {
        var next = cursor == null ? null : "/api/v1/statements/" + slug + "/signons?list=" + list + "&after=" + cursor;
        var response = ResponseEntity.ok();
        if (organizer) {
            // personal data: no cache on the way keeps it
            response.header(HttpHeaders.CACHE_CONTROL, "private, no-store");
        }
        if (next != null) {
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(
                new SignOnItems(slug, signOns.totals(), signOns.namesShown(), list, organizer, items, cursor, next));
    }

    private static SignOnItem organizers(
            SignerLine line,
            List<SignOnQuestion> questions,
            List<OrganizationId> consents,
            Map<OrganizationId, String> slugs) {
        var answers = new java.util.ArrayList<Answer>();
        for (int i = 0; i < questions.size(); i++) {
            answers.add(new Answer(questions.get(i).label(), line.answer(i)));
        }
        return new SignOnItem(
                line.kind().name(),
                line.publicName(),
                line.country(),
                line.website(),
                line.description(),
                line.affiliation(),
                line.title(),
                line.id().toString(),
                line.status().name(),
                line.contact(),
                line.email(),
                line.showName(),
                line.possibleDuplicate(),
                line.signedAt(),
                line.confirmedAt(),
                answers,
                consents.stream()
                        .map(slugs::get)
                        .filter(java.util.Objects::nonNull)
                        .toList());
    }

    /** The sign-on a path names; 404 for what is not one's id. */
    private static org.chorus.signons.SignOnId signOn(String id) {
        try {
            return new org.chorus.signons.SignOnId(java.util.UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new org.chorus.shared.NotFoundException("signons.signer-not-found");
        }
    }

    @org.springframework.web.bind.annotation.PostMapping(
            "/api/v1/statements/{slug}/signons/{id}/{decision:approve|reject}")
    @org.chorus.shared.web.RequiresScope("write:signons")
    @Operation(
            summary = "Approve or reject a sign-on (the statement's sign-on organizers)",
            description = "As on the organizers' page: approve lists and counts a confirmed sign-on (or one rejected "
                    + "before); reject keeps a confirmed or listed one off the list and the totals. 204; 409 when the "
                    + "sign-on is not in a state that allows it; 404 for one of another statement. Needs the scope "
                    + "write:signons.")
    ResponseEntity<Void> decide(
            @PathVariable String slug, @PathVariable String id, @PathVariable String decision, Actor actor) {
        if (decision.equals("approve")) {
            moderating.approve(actor, slug, signOn(id));
        } else {
            moderating.reject(actor, slug, signOn(id));
        }
        return ResponseEntity.noContent().build();
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/statements/{slug}/signons/{id}")
    @org.chorus.shared.web.RequiresScope("write:signons")
    @Operation(
            summary = "Remove a sign-on with its personal data (the statement's sign-on organizers)",
            description =
                    "At the signer's request, as on the organizers' page: the sign-on and everything it holds are "
                            + "deleted and the totals follow. 204; 404 for one of another statement. Needs the scope "
                            + "write:signons.")
    ResponseEntity<Void> remove(@PathVariable String slug, @PathVariable String id, Actor actor) {
        moderating.remove(actor, slug, signOn(id));
        return ResponseEntity.noContent().build();
    }

    /** Which sign-on a duplicate is merged into. */
    public record Merge(
            @Schema(description = "the id of the sign-on that stays")
            String into) {}

    @org.springframework.web.bind.annotation.PostMapping("/api/v1/statements/{slug}/signons/{id}/merge")
    @org.chorus.shared.web.RequiresScope("write:signons")
    @Operation(
            summary = "Merge a duplicate sign-on into another (the statement's sign-on organizers)",
            description = "As on the organizers' page: the sign-on at this address is deleted with its personal data, "
                    + "the one named by `into` stays as it is. Both of the statement and of one kind; the one kept "
                    + "confirmed or listed (409 otherwise). 204. Needs the scope write:signons.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = Merge.class)))
    ResponseEntity<Void> merge(
            @PathVariable String slug,
            @PathVariable String id,
            @org.springframework.web.bind.annotation.RequestBody tools.jackson.databind.JsonNode body,
            Actor actor) {
        var asked = org.chorus.shared.web.JsonBodies.read(body, Merge.class);
        if (asked.into() == null || asked.into().isBlank()) {
            throw new org.chorus.shared.InvalidField("into", "signons.api.into-required");
        }
        moderating.merge(actor, slug, signOn(asked.into().strip()), signOn(id));
        return ResponseEntity.noContent().build();
    }

    /** A sign-on's new display name. */
    public record Rename(String name) {}

    @org.springframework.web.bind.annotation.PatchMapping("/api/v1/statements/{slug}/signons/{id}")
    @org.chorus.shared.web.RequiresScope("write:signons")
    @Operation(
            summary = "Change the name a sign-on is shown with, at its signer's request (its organizers)",
            description = "As on the organizers' page: an organization's name, or a person's (on the public list "
                    + "when they are named there). 204; 404 for a sign-on of another statement. Needs the scope "
                    + "write:signons.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = Rename.class)))
    ResponseEntity<Void> rename(
            @PathVariable String slug,
            @PathVariable String id,
            @org.springframework.web.bind.annotation.RequestBody tools.jackson.databind.JsonNode body,
            Actor actor) {
        var asked = org.chorus.shared.web.JsonBodies.read(body, Rename.class);
        moderating.rename(actor, slug, signOn(id), asked.name());
        return ResponseEntity.noContent().build();
    }
}

package org.chorus.actions.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.chorus.actions.Action;
import org.chorus.actions.ActionFilter;
import org.chorus.actions.ActionForm;
import org.chorus.actions.ActionId;
import org.chorus.actions.ReadingActions;
import org.chorus.campaigns.ActionKind;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.places.BoundingBox;
import org.chorus.shared.DomainException;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.markdown.Markdown;
import org.chorus.shared.markdown.SafeHtml;
import org.chorus.shared.web.RequiresScope;
import org.chorus.shared.web.SparseFields;
import org.chorus.shared.web.Versions;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A campaign's public actions (decision 0035): approved ones only, cancelled ones included and marked, with the fields
 * their public page shows. An action whose host shows only its city gives the city and the city's coordinates, never
 * the venue, the address or the pin, to anyone but its host and the campaign's organizers. Registering one through
 * the API goes through the same use case as the page's form, so it is moderated, reminded and federated alike.
 */
@RestController
class ActionsApi {

    /** Where an action happens, as the public may know it. */
    public record Place(
            @Schema(description = "the city, from the GeoNames gazetteer")
            String city,

            @Schema(description = "ISO 3166 alpha-2") String country,
            @Schema(description = COORDINATES) double latitude,
            @Schema(description = COORDINATES) double longitude,

            @Schema(
                    description =
                            "true while the host shows only the city (until the reveal the host may set, hours before the start): venue and address are then null")
            boolean approximate,

            String venue,
            String address) {}

    static final String COORDINATES = "the pin in degrees (WGS 84), or the city's centre when approximate";

    /** A public action. */
    public record ActionItem(
            String id,
            String url,

            @Schema(description = "the slug of its campaign")
            String campaign,

            ActionKind kind,
            String title,
            @Schema(description = "Markdown") String description,
            @Schema(description = "sanitized HTML") String descriptionHtml,

            @Schema(description = "with the offset of its own time zone at that moment")
            OffsetDateTime startsAt,

            OffsetDateTime endsAt,

            @Schema(description = "the IANA time zone where it happens")
            String timeZone,

            @Schema(description = "the local date it starts on, in its own time zone (the day of ?day=)")
            LocalDate day,

            @Schema(description = "the link of an online action; null for one at a place")
            String onlineUrl,

            @Schema(description = "null for an online action")
            Place place,

            @Schema(description = "the slug of the organization hosting it, or null")
            String organization,

            String accessibility,

            @Schema(description = "marked by the campaign's organizers: shown first on the map")
            boolean flagship,

            @Schema(description = "cancelled by its host or the organizers; it stays listed, marked")
            boolean cancelled,

            @Schema(
                    description =
                            "APPROVED for every action the public sees; PENDING while the campaign's organizers review one registered by a host they do not trust yet (only its host and the organizers see it)")
            org.chorus.actions.ActionStatus status,

            @Schema(description = "the iCalendar of this one action")
            String calendarUrl,

            Instant updatedAt) {}

    /** A page of actions, and where the next one is. */
    public record ActionItems(
            List<ActionItem> items,

            @Schema(description = "the cursor of the next page, for ?cursor=; null on the last page")
            String nextCursor,

            @Schema(description = "the address of the next page; null on the last page")
            String next) {}

    private final ReadingActions reading;
    private final ChorusProperties settings;
    private final java.time.Clock clock;

    private final org.chorus.actions.HostingActions hosting;
    private final org.chorus.shared.web.IdempotentCreates idempotent;
    private final org.chorus.actions.ModeratingActions moderating;

    ActionsApi(
            ReadingActions reading,
            ChorusProperties settings,
            java.time.Clock clock,
            org.chorus.actions.HostingActions hosting,
            org.chorus.shared.web.IdempotentCreates idempotent,
            org.chorus.actions.ModeratingActions moderating) {
        this.moderating = moderating;
        this.hosting = hosting;
        this.idempotent = idempotent;
        this.clock = clock;
        this.reading = reading;
        this.settings = settings;
    }

    @GetMapping("/api/v1/actions")
    @Operation(
            summary = "A campaign's public actions by day, then country, then start",
            description = "Approved actions only; cancelled ones stay, with cancelled true. Follow `next` (or the "
                    + "`Link` header, rel=\"next\") for the next page. A bad filter, box or cursor is a 400 problem "
                    + "saying which.")
    @Parameter(name = "campaign", in = ParameterIn.QUERY, required = true, description = "the campaign's slug")
    @Parameter(name = "country", in = ParameterIn.QUERY, description = "ISO 3166 alpha-2 code, such as FR")
    @Parameter(name = "kind", in = ParameterIn.QUERY, description = "PROTEST, EDUCATIONAL, LETTER, ONLINE or OTHER")
    @Parameter(
            name = "day",
            in = ParameterIn.QUERY,
            description = "yyyy-mm-dd: actions starting on that local date where each happens")
    @Parameter(
            name = "bbox",
            in = ParameterIn.QUERY,
            description = "west,south,east,north in degrees (west > east crosses the antimeridian): actions placed "
                    + "in it, by their public position; online actions have none")
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "nextCursor of the page before")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "actions a page, 1 to 200; 50 unless given")
    @Parameter(
            name = SparseFields.PARAMETER,
            in = ParameterIn.QUERY,
            description = SparseFields.DESCRIPTION,
            schema = @Schema(type = "string"))
    @SparseFields
    ResponseEntity<ActionItems> list(
            @RequestParam(required = false) String campaign,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String day,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit) {
        if (campaign == null || campaign.isBlank()) {
            throw new DomainException(400, "api.campaign-required");
        }
        var filter = ActionFilter.parse(kind, day, country, false);
        var box = bbox == null || bbox.isBlank() ? null : BoundingBox.parse(bbox);
        var page = reading.publicList(campaign.strip(), filter, box, cursor, limit(limit));
        var items = page.actions().stream()
                .map(a -> item(a, page.organization(a), a.details().exactPlacePublicAt(clock.instant())))
                .toList();
        String next = null;
        if (page.next() != null) {
            var link = UriComponentsBuilder.fromPath("/api/v1/actions")
                    .queryParam("campaign", page.campaign().slug());
            addIfGiven(link, "country", country);
            addIfGiven(link, "kind", kind);
            addIfGiven(link, "day", day);
            addIfGiven(link, "bbox", bbox);
            addIfGiven(link, "limit", limit);
            next = link.queryParam("cursor", page.next()).encode().build().toUriString();
        }
        var response = ResponseEntity.ok();
        if (next != null) {
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(new ActionItems(items, page.next(), next));
    }

    @GetMapping("/api/v1/actions/{id}")
    @Operation(
            summary = "One action",
            description = "A public action; its host and the campaign's organizers (with a token that may read) also "
                    + "get it while it waits for review, with its exact place. The `ETag` names this version: send "
                    + "it back as `If-None-Match` (304 when unchanged) or as `If-Match` to change it.")
    @Parameter(
            name = SparseFields.PARAMETER,
            in = ParameterIn.QUERY,
            description = SparseFields.DESCRIPTION,
            schema = @Schema(type = "string"))
    @SparseFields
    ResponseEntity<ActionItem> one(@PathVariable String id, @Nullable @Parameter(hidden = true) Actor viewer) {
        var page = reading.page(viewer, ActionId.parse(id), null);
        var answer = ResponseEntity.ok();
        if (page.canEdit()) {
            // its host's or an organizer's view (a pending action, the exact place): for them alone
            answer.cacheControl(org.springframework.http.CacheControl.noStore().cachePrivate());
        }
        return answer.eTag(Versions.etag(page.action().updatedAt()))
                .body(item(page.action(), page.organization(), page.exactPlace()));
    }

    @PatchMapping("/api/v1/actions/{id}")
    @RequiresScope("write:actions")
    @Operation(
            summary = "Change an action (its host or the campaign's organizers)",
            description = "The fields sent replace the action's (null or \"\" empties one); those not sent stay. "
                    + "Through the same use case as the page's edit: an edit by a host the organizers do not trust "
                    + "sends the action back to their review. `If-Match` with the ETag read is required: 428 without "
                    + "it, 412 when the action changed since. Needs the scope write:actions.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = NewAction.class)))
    ResponseEntity<ActionItem> change(
            @PathVariable String id,
            @RequestBody tools.jackson.databind.JsonNode body,
            @Nullable @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Actor actor) {
        var version = Versions.required(ifMatch);
        var action = ActionId.parse(id);
        var changes = org.chorus.shared.web.JsonBodies.read(body, NewAction.class);
        var merged = changes.over(hosting.form(actor, action), body::has);
        hosting.edit(actor, action, merged, version.orElse(null));
        return one(id, actor);
    }

    @PostMapping("/api/v1/actions/{id}/cancel")
    @RequiresScope("write:actions")
    @Operation(
            summary = "Call an action off (its host or the campaign's organizers)",
            description = "It stays at its address, marked cancelled; calendars and followers hear of it. `If-Match` "
                    + "as for a change. Needs the scope write:actions.")
    ResponseEntity<ActionItem> cancel(
            @PathVariable String id,
            @Nullable @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Actor actor) {
        var version = Versions.required(ifMatch);
        hosting.cancel(actor, ActionId.parse(id), version.orElse(null));
        return one(id, actor);
    }

    /** Why the organizers reject an action; its host reads it. */
    public record Rejection(
            @Schema(description = "mailed to its host") String reason) {}

    @PostMapping("/api/v1/actions/{id}/approve")
    @RequiresScope("write:actions")
    @Operation(
            summary = "Approve an action waiting for review (the campaign's organizers)",
            description = "As the moderation queue's button: it goes on the map, the calendars and the fediverse, "
                    + "and its host hears of it. An approved one stays as it is. Needs the scope write:actions.")
    ResponseEntity<ActionItem> approve(@PathVariable String id, Actor actor) {
        var action = ActionId.parse(id);
        moderating.approve(actor, hosting.campaignOf(actor, action), List.of(action));
        return one(id, actor);
    }

    @PostMapping("/api/v1/actions/{id}/reject")
    @RequiresScope("write:actions")
    @Operation(
            summary = "Reject an action, saying why (the campaign's organizers)",
            description = "As the moderation queue: its host is mailed the reason and may edit it for another review. "
                    + "Needs the scope write:actions.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = Rejection.class)))
    ResponseEntity<ActionItem> reject(
            @PathVariable String id, @RequestBody tools.jackson.databind.JsonNode body, Actor actor) {
        var asked = org.chorus.shared.web.JsonBodies.read(body, Rejection.class);
        moderating.reject(actor, ActionId.parse(id), asked.reason() == null ? "" : asked.reason());
        return one(id, actor);
    }

    /** Whether an action is flagship. */
    public record Flagship(Boolean flagship) {}

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/actions/{id}/flagship")
    @RequiresScope("write:actions")
    @Operation(
            summary = "Mark an action flagship, or no longer (the campaign's organizers)",
            description = "As on the action's page: it stands out on the map and in the list. 409 when the campaign "
                    + "has as many flagship actions as it may. Needs the scope write:actions.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = Flagship.class)))
    ResponseEntity<ActionItem> flagship(
            @PathVariable String id, @RequestBody tools.jackson.databind.JsonNode body, Actor actor) {
        var asked = org.chorus.shared.web.JsonBodies.read(body, Flagship.class);
        if (asked.flagship() == null) {
            throw new org.chorus.shared.InvalidField("flagship", "action.api.flagship-required");
        }
        moderating.flagship(actor, ActionId.parse(id), asked.flagship());
        return one(id, actor);
    }

    /** Whom the organizers trust from an action: its host, its hosting organization, or either (null: unchanged). */
    public record Trust(
            @Schema(description = "trust its host: their actions are approved at once")
            Boolean host,

            @Schema(description = "trust the organization it is hosted for")
            Boolean organization) {}

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/actions/{id}/trust")
    @RequiresScope("write:actions")
    @Operation(
            summary = "Trust an action's host or hosting organization for the campaign, or no longer (its organizers)",
            description = "As on the action's page: a trusted host's actions (or those its members host for a trusted "
                    + "organization) are approved at once and their edits do not wait. 409 for an action without an "
                    + "account or an organization to trust. 204. Needs the scope write:actions.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = Trust.class)))
    ResponseEntity<Void> trust(
            @PathVariable String id, @RequestBody tools.jackson.databind.JsonNode body, Actor actor) {
        var asked = org.chorus.shared.web.JsonBodies.read(body, Trust.class);
        var action = ActionId.parse(id);
        if (asked.host() != null) {
            moderating.trust(actor, action, org.chorus.actions.ModeratingActions.Trust.HOST, asked.host());
        }
        if (asked.organization() != null) {
            moderating.trust(
                    actor, action, org.chorus.actions.ModeratingActions.Trust.ORGANIZATION, asked.organization());
        }
        return ResponseEntity.noContent().build();
    }

    /** An action as a client registers it; what the page's form asks, with numbers and lists as JSON has them. */
    public record NewAction(
            @Schema(description = "PROTEST, EDUCATIONAL, LETTER, ONLINE or OTHER", example = "PROTEST")
            String kind,

            @Schema(example = "Rally for clean air") String title,
            @Schema(description = "Markdown") String description,

            @Schema(description = "the slug of the hosting organization (one the caller belongs to), or null")
            String organization,

            @Schema(description = "local date and time where it happens", example = "2026-10-12T18:00")
            String startsAt,

            @Schema(example = "2026-10-12T20:00") String endsAt,

            @Schema(description = "IANA time zone; null: the city's", example = "Europe/Paris")
            String timeZone,

            @Schema(description = "the link of an online action; null for one at a place")
            String onlineUrl,

            String venue,
            String address,

            @Schema(description = "the city's GeoNames id (see /places/cities?q=)", example = "2988507")
            Long city,

            @Schema(description = "moves the pin from the city's centre")
            Double latitude,

            Double longitude,

            @Schema(description = "show only the city to the public")
            Boolean approximate,

            String accessibility,

            @Schema(description = "slugs of co-sponsoring organizations")
            List<String> cosponsors,

            @Schema(description = "hours before the start when an approximate place is shown to everyone (at most 168)")
            Integer revealHours) {

        ActionForm form() {
            return new ActionForm(
                    text(kind),
                    text(title),
                    text(description),
                    text(organization),
                    text(startsAt),
                    text(endsAt),
                    text(timeZone),
                    text(onlineUrl),
                    text(venue),
                    text(address),
                    city == null ? "" : city.toString(),
                    latitude == null ? "" : latitude.toString(),
                    longitude == null ? "" : longitude.toString(),
                    Boolean.TRUE.equals(approximate) ? Boolean.TRUE : null,
                    text(accessibility),
                    cosponsors == null ? "" : String.join("\n", cosponsors),
                    revealHours == null ? "" : revealHours.toString());
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }

        /** The action's form with the fields a client sent ({@code sent}) replaced by these. */
        ActionForm over(ActionForm current, java.util.function.Predicate<String> sent) {
            var given = form();
            return new ActionForm(
                    sent.test("kind") ? given.kind() : current.kind(),
                    sent.test("title") ? given.title() : current.title(),
                    sent.test("description") ? given.description() : current.description(),
                    sent.test("organization") ? given.organization() : current.organization(),
                    sent.test("startsAt") ? given.startsAt() : current.startsAt(),
                    sent.test("endsAt") ? given.endsAt() : current.endsAt(),
                    sent.test("timeZone") ? given.timeZone() : current.timeZone(),
                    sent.test("onlineUrl") ? given.online() : current.online(),
                    sent.test("venue") ? given.venue() : current.venue(),
                    sent.test("address") ? given.address() : current.address(),
                    sent.test("city") ? given.city() : current.city(),
                    sent.test("latitude") ? given.latitude() : current.latitude(),
                    sent.test("longitude") ? given.longitude() : current.longitude(),
                    sent.test("approximate") ? given.approximate() : current.approximate(),
                    sent.test("accessibility") ? given.accessibility() : current.accessibility(),
                    sent.test("cosponsors") ? given.cosponsors() : current.cosponsors(),
                    sent.test("revealHours") ? given.revealHours() : current.revealHours());
        }
    }

    @PostMapping("/api/v1/campaigns/{slug}/actions")
    @RequiresScope("write:actions")
    @Operation(
            summary = "Register an action under a campaign",
            description = "Through the same use case as the page's form: approved at once when the campaign's "
                    + "organizers trust the caller (or the organization hosting it), else PENDING until they review "
                    + "it; reminded, mapped and federated like any other. 201 with the action and its Location. "
                    + "A field the action does not have, or a value of the wrong type, is a 400 naming it; a rule "
                    + "broken is a 422 with `errors` by field. Send an `Idempotency-Key` to retry safely: the same "
                    + "key gets the same answer (`Idempotent-Replayed: true`), the same key with another body a 422. "
                    + "Needs a token with the scope write:actions.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = NewAction.class)))
    ResponseEntity<?> register(
            @PathVariable String slug,
            @RequestBody tools.jackson.databind.JsonNode body,
            @Nullable @RequestHeader(name = org.chorus.shared.web.IdempotentCreates.HEADER, required = false)
                    String idempotencyKey,
            Actor actor) {
        var asked = org.chorus.shared.web.JsonBodies.read(body, NewAction.class);
        return idempotent.once(actor.account().value(), idempotencyKey, List.of(slug, asked), () -> {
            var action = hosting.register(actor, slug, asked.form());
            var page = reading.page(actor, action.id(), null);
            return ResponseEntity.created(java.net.URI.create("/api/v1/actions/" + action.id()))
                    .body(item(page.action(), page.organization(), page.exactPlace()));
        });
    }

    private ActionItem item(Action action, Organization organization, boolean exactPlace) {
        var d = action.details();
        var p = d.place();
        var place = p == null
                ? null
                : new Place(
                        p.cityName(),
                        p.country(),
                        exactPlace ? p.latitude() : p.cityLatitude(),
                        exactPlace ? p.longitude() : p.cityLongitude(),
                        !exactPlace,
                        exactPlace ? blankToNull(p.venue()) : null,
                        exactPlace ? blankToNull(p.address()) : null);
        return new ActionItem(
                action.id().toString(),
                "/actions/" + action.id(),
                action.campaignSlug(),
                d.kind(),
                d.title(),
                Markdown.withoutRemoteImages(d.description()),
                new SafeHtml(d.descriptionHtml())
                        .withAbsoluteImages(settings.link(""))
                        .html(),
                d.start().toOffsetDateTime(),
                d.end().toOffsetDateTime(),
                d.zone().getId(),
                d.start().toLocalDate(),
                d.onlineUrl(),
                place,
                organization == null ? null : organization.slug(),
                d.accessibility(),
                action.flagship(),
                action.cancelled(),
                action.status(),
                "/actions/" + action.id() + ".ics",
                action.updatedAt());
    }

    private static int limit(String typed) {
        if (typed == null || typed.isBlank()) {
            return 50;
        }
        try {
            return Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            throw new DomainException(400, "api.limit-invalid", ReadingActions.API_MOST);
        }
    }

    private static void addIfGiven(UriComponentsBuilder link, String name, String value) {
        if (value != null && !value.isBlank()) {
            link.queryParam(name, value.strip());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

package org.chorus.osdi.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.chorus.actions.Action;
import org.chorus.actions.ActionId;
import org.chorus.actions.HostingActions;
import org.chorus.actions.ReadingActions;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.rsvps.ReadingRsvps;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.markdown.SafeHtml;
import org.chorus.shared.web.IdempotentCreates;
import org.chorus.shared.web.RequiresScope;
import org.chorus.shared.web.Versions;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * OSDI events: the public actions of public campaigns, all together or one campaign's (Action Network's
 * {@code event_campaigns}), page by page, soonest first; one event; and an action registered, changed or called off
 * through the actions module's use cases, so it is moderated, reminded and federated like one made in a page.
 */
@RestController
class OsdiEventsApi {

    static final String BASE = "/api/osdi/v1";

    private final ReadingActions reading;
    private final HostingActions hosting;
    private final ReadingCampaigns campaigns;
    private final ReadingRsvps rsvps;
    private final OsdiEventBodies bodies;
    private final IdempotentCreates idempotent;
    private final ChorusProperties settings;
    private final Clock clock;

    OsdiEventsApi(
            ReadingActions reading,
            HostingActions hosting,
            ReadingCampaigns campaigns,
            ReadingRsvps rsvps,
            OsdiEventBodies bodies,
            IdempotentCreates idempotent,
            ChorusProperties settings,
            Clock clock) {
        this.reading = reading;
        this.hosting = hosting;
        this.campaigns = campaigns;
        this.rsvps = rsvps;
        this.bodies = bodies;
        this.idempotent = idempotent;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping(
            path = BASE + "/events",
            produces = {Hal.MEDIA_TYPE, "application/json"})
    @Operation(
            summary = "OSDI: the public actions of every public campaign, soonest first",
            description = "An OSDI collection (HAL+JSON) of events: approved actions, cancelled ones marked with "
                    + "status cancelled. Pages by number (page from 1, per_page up to 100, 25 unless given); follow "
                    + "_links.next.")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "the page, from 1")
    @Parameter(name = "per_page", in = ParameterIn.QUERY, description = "events a page, 1 to 100; 25 unless given")
    Map<String, Object> events(
            @RequestParam(required = false) String page,
            @RequestParam(name = "per_page", required = false) String perPage) {
        return collection(null, OsdiPage.of(page, perPage));
    }

    @GetMapping(
            path = BASE + "/event_campaigns/{slug}/events",
            produces = {Hal.MEDIA_TYPE, "application/json"})
    @Operation(
            summary = "OSDI: the public actions of one public campaign, soonest first",
            description = "As /events, for the campaign at this address (Action Network's event campaigns). 404 for "
                    + "a campaign that is not public.")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "the page, from 1")
    @Parameter(name = "per_page", in = ParameterIn.QUERY, description = "events a page, 1 to 100; 25 unless given")
    Map<String, Object> campaignEvents(
            @PathVariable String slug,
            @RequestParam(required = false) String page,
            @RequestParam(name = "per_page", required = false) String perPage) {
        return collection(slug, OsdiPage.of(page, perPage));
    }

    private Map<String, Object> collection(String campaign, OsdiPage page) {
        var found = reading.numbered(campaign, page.offset(), page.perPage());
        var going = rsvps.going(found.actions().stream().map(Action::id).toList());
        var now = clock.instant();
        var items = found.actions().stream()
                .map(a -> event(
                        a, found.organization(a), a.details().exactPlacePublicAt(now), going.getOrDefault(a.id(), 0)))
                .toList();
        var path = campaign == null ? BASE + "/events" : BASE + "/event_campaigns/" + campaign + "/events";
        return page.collection(settings.link(path), Map.of(), "osdi:events", items, found.total());
    }

    @GetMapping(
            path = BASE + "/events/{id}",
            produces = {Hal.MEDIA_TYPE, "application/json"})
    @Operation(
            summary = "OSDI: one event",
            description = "A public action; its host and the campaign's organizers (with a token that may read) also "
                    + "get it while it waits for review, with its exact place. The ETag names this version.")
    ResponseEntity<Map<String, Object>> event(
            @PathVariable String id, @Nullable @Parameter(hidden = true) Actor viewer) {
        var page = reading.page(viewer, ActionId.parse(id), null);
        var action = page.action();
        var answer = ResponseEntity.ok();
        if (page.canEdit()) {
            answer.cacheControl(CacheControl.noStore().cachePrivate());
        }
        return answer.eTag(Versions.etag(action.updatedAt()))
                .body(event(action, page.organization(), page.exactPlace(), rsvps.going(action.id()))
                        .document());
    }

    @PostMapping(
            path = BASE + "/event_campaigns/{slug}/events",
            produces = {Hal.MEDIA_TYPE, "application/json"})
    @RequiresScope("write:actions")
    @Operation(
            summary = "OSDI: register an action under a campaign",
            description = "An OSDI event (title, description in HTML, start_date, end_date, location) becomes an "
                    + "action of the token's account, through the same use case as the page's form: moderated, "
                    + "reminded, mapped and federated like any other. Fields Chorus has no place for are ignored; "
                    + "chorus:kind, chorus:time_zone, chorus:online_url and chorus:accessibility give what OSDI "
                    + "lacks. 201 with the event. An Idempotency-Key makes a retry safe. Needs the scope "
                    + "write:actions.")
    ResponseEntity<?> create(
            @PathVariable String slug,
            @RequestBody JsonNode body,
            @Nullable @RequestHeader(name = IdempotentCreates.HEADER, required = false) String idempotencyKey,
            Actor actor) {
        var campaign = campaigns.published(slug, null).orElseThrow(() -> new NotFoundException("campaign.not-found"));
        var form = bodies.form(body, null, campaign.kinds());
        return idempotent.once(actor.account().value(), idempotencyKey, List.of(slug, body.toString()), () -> {
            var action = hosting.register(actor, slug, form);
            var page = reading.page(actor, action.id(), null);
            return ResponseEntity.created(URI.create(settings.link(BASE + "/events/" + action.id())))
                    .eTag(Versions.etag(page.action().updatedAt()))
                    .body(event(page.action(), page.organization(), page.exactPlace(), 0)
                            .document());
        });
    }

    @PutMapping(
            path = BASE + "/events/{id}",
            produces = {Hal.MEDIA_TYPE, "application/json"})
    @RequiresScope("write:actions")
    @Operation(
            summary = "OSDI: change an action (its host or the campaign's organizers)",
            description = "As OSDI's PUT: the fields sent replace the action's, the others stay. Through the same use "
                    + "case as the page's edit (an edit by a host the organizers do not trust yet goes back to their "
                    + "review). If-Match is optional here, as OSDI clients do not send it; when sent, a stale one is "
                    + "a 412. Needs the scope write:actions.")
    ResponseEntity<Map<String, Object>> change(
            @PathVariable String id,
            @RequestBody JsonNode body,
            @Nullable @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Actor actor) {
        var action = ActionId.parse(id);
        var version = Versions.optional(ifMatch).orElse(null);
        var form = bodies.form(body, hosting.form(actor, action), List.of());
        hosting.edit(actor, action, form, version);
        return event(id, actor);
    }

    @DeleteMapping(
            path = BASE + "/events/{id}",
            produces = {Hal.MEDIA_TYPE, "application/json"})
    @RequiresScope("write:actions")
    @Operation(
            summary = "OSDI: call an action off (its host or the campaign's organizers)",
            description = "Chorus does not delete an action that people may be going to: it is cancelled, stays at "
                    + "its address marked so, and its guests, calendars and followers hear of it. 200 with OSDI's "
                    + "notice. If-Match as for a change. Needs the scope write:actions.")
    Map<String, Object> cancel(
            @PathVariable String id,
            @Nullable @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Actor actor) {
        var version = Versions.optional(ifMatch).orElse(null);
        hosting.cancel(actor, ActionId.parse(id), version);
        return Map.of("notice", "This event was cancelled; it stays listed, marked cancelled.");
    }

    /** An action as an OSDI event, its place as exact as the reader may see it. */
    Hal event(Action action, Organization host, boolean exactPlace, int going) {
        var d = action.details();
        var p = d.place();
        var self = settings.link(BASE + "/events/" + action.id());
        Map<String, Object> location = null;
        if (p != null) {
            var where = new java.util.LinkedHashMap<String, Object>();
            if (exactPlace && p.venue() != null && !p.venue().isBlank()) {
                where.put("venue", p.venue());
            }
            if (exactPlace && p.address() != null && !p.address().isBlank()) {
                where.put("address_lines", List.of(p.address()));
            }
            where.put("locality", p.cityName());
            where.put("country", p.country());
            where.put(
                    "location",
                    Map.of(
                            "latitude", exactPlace ? p.latitude() : p.cityLatitude(),
                            "longitude", exactPlace ? p.longitude() : p.cityLongitude(),
                            "accuracy", exactPlace ? "Rooftop" : "Approximate"));
            location = where;
        }
        return Hal.of(action.id().toString())
                .put("created_date", action.createdAt())
                .put("modified_date", action.updatedAt())
                .put("title", d.title())
                .put("name", d.title())
                .put(
                        "description",
                        new SafeHtml(d.descriptionHtml())
                                .withAbsoluteImages(settings.link(""))
                                .html())
                .put("browser_url", settings.link("/actions/" + action.id()))
                .put("type", "open")
                .put(
                        "status",
                        action.cancelled()
                                ? "cancelled"
                                : action.status().name().equals("APPROVED") ? "confirmed" : "tentative")
                .put("start_date", d.start().toInstant())
                .put("end_date", d.end().toInstant())
                .put("all_day", false)
                .put("visibility", "public")
                .put("total_accepted", going)
                .put("location", location)
                .put("chorus:kind", d.kind().name())
                .put("chorus:time_zone", d.zone().getId())
                .put("chorus:online_url", d.onlineUrl())
                .put("chorus:campaign", action.campaignSlug())
                .link("self", self)
                .link("osdi:attendances", self + "/attendances")
                .link("osdi:record_attendance_helper", self + "/record_attendance_helper")
                .link("osdi:sponsor", host == null ? null : settings.link(BASE + "/organizations/" + host.slug()))
                .link(
                        "action_network:event_campaign",
                        settings.link(BASE + "/event_campaigns/" + action.campaignSlug() + "/events"))
                .link("chorus:calendar", settings.link("/actions/" + action.id() + ".ics"));
    }
}

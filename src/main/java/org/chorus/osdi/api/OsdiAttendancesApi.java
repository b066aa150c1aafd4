package org.chorus.osdi.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import java.util.List;
import java.util.Map;
import org.chorus.actions.ActionId;
import org.chorus.organizations.Actor;
import org.chorus.rsvps.ManagingRsvps;
import org.chorus.rsvps.Rsvp;
import org.chorus.rsvps.RsvpStatus;
import org.chorus.rsvps.Rsvping;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.web.RequiresScope;
import org.chorus.shared.web.Ui;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * OSDI attendances: an action's RSVPs, for its host and its campaign's organizers only (as the attendees' page), each
 * with the person it is from embedded (their name and address; no people resource is made of them); and OSDI's record
 * attendance helper, which RSVPs someone by their address as if they had sent the form: the letter that confirms it
 * goes to them, and nothing counts until they confirm.
 */
@RestController
class OsdiAttendancesApi {

    private final ManagingRsvps managing;
    private final Rsvping rsvping;
    private final ChorusProperties settings;

    OsdiAttendancesApi(ManagingRsvps managing, Rsvping rsvping, ChorusProperties settings) {
        this.managing = managing;
        this.rsvping = rsvping;
        this.settings = settings;
    }

    @GetMapping(
            path = OsdiEventsApi.BASE + "/events/{id}/attendances",
            produces = {Hal.MEDIA_TYPE, "application/json"})
    @Operation(
            summary = "OSDI: an action's RSVPs (its host and the campaign's organizers)",
            description = "Every confirmed or cancelled RSVP, each with its person embedded (name and email). 404 for "
                    + "anyone else. Personal data: answered with Cache-Control no-store.")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "the page, from 1")
    @Parameter(name = "per_page", in = ParameterIn.QUERY, description = "attendances a page, 1 to 100; 25 unless given")
    ResponseEntity<Map<String, Object>> attendances(
            @PathVariable String id,
            @RequestParam(required = false) String page,
            @RequestParam(name = "per_page", required = false) String perPage,
            Actor actor) {
        var asked = OsdiPage.of(page, perPage);
        var attendees = managing.attendees(actor, ActionId.parse(id));
        var all = attendees.rsvps();
        var from = (int) Math.min(asked.offset(), all.size());
        var shown = all.subList(from, Math.min(all.size(), from + asked.perPage())).stream()
                .map(this::attendance)
                .toList();
        var path = settings.link(OsdiEventsApi.BASE + "/events/" + id + "/attendances");
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(asked.collection(path, Map.of(), "osdi:attendances", shown, all.size()));
    }

    @PostMapping(
            path = OsdiEventsApi.BASE + "/events/{id}/record_attendance_helper",
            produces = {Hal.MEDIA_TYPE, "application/json"})
    @RequiresScope("write:rsvps")
    @Operation(
            summary = "OSDI: RSVP someone to an action by their address (its host and the campaign's organizers)",
            description = "OSDI's record attendance helper: person.given_name and family_name (or name) and the "
                    + "primary of person.email_addresses. As if that person had sent the action's form: Chorus mails "
                    + "them the link that confirms it, and the RSVP (status \"needs action\") counts once they do. "
                    + "Someone already coming gets their RSVP back (200) and a letter saying so. Fields Chorus has no "
                    + "place for (postal addresses, phones, tags, triggers) are ignored and not stored. 201 with the "
                    + "attendance. Needs the scope write:rsvps.")
    ResponseEntity<Map<String, Object>> record(
            @PathVariable String id, @RequestBody JsonNode body, Actor actor, Ui ui) {
        if (body == null || !body.isObject()) {
            throw new DomainException(400, "api.body-not-object");
        }
        if (org.chorus.shared.web.JsonBodies.hasNul(body)) {
            throw new DomainException(400, "api.field-nul", "person");
        }
        var person = body.get("person");
        if (person == null || !person.isObject()) {
            throw new InvalidField("person", "osdi.person-required");
        }
        var rsvp = rsvping.submitFor(
                actor,
                ActionId.parse(id),
                name(person),
                email(person),
                new Rsvping.Answers("0", List.of()),
                Language.of(ui.locale()));
        return ResponseEntity.status(rsvp.status() == RsvpStatus.UNCONFIRMED ? HttpStatus.CREATED : HttpStatus.OK)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(attendance(rsvp).document());
    }

    /** The person's name as OSDI splits it: given, additional and family names, or one name. */
    private static String name(JsonNode person) {
        var parts = new java.util.ArrayList<String>();
        for (var field : List.of("given_name", "additional_name", "family_name")) {
            OsdiEventBodies.text(person, field).filter(t -> !t.isEmpty()).ifPresent(parts::add);
        }
        if (parts.isEmpty()) {
            OsdiEventBodies.text(person, "name").ifPresent(parts::add);
        }
        return String.join(" ", parts);
    }

    /** The primary address of the person, or their first. */
    private static String email(JsonNode person) {
        var addresses = person.get("email_addresses");
        if (addresses == null || addresses.isNull() || addresses.isEmpty()) {
            throw new InvalidField("email", "osdi.email-required");
        }
        if (!addresses.isArray()) {
            throw new DomainException(400, "api.field-type", "person.email_addresses");
        }
        JsonNode chosen = addresses.get(0);
        for (var address : addresses) {
            var primary = address.get("primary");
            if (primary != null && primary.isBoolean() && primary.asBoolean()) {
                chosen = address;
                break;
            }
        }
        if (!chosen.isObject()) {
            throw new DomainException(400, "api.field-type", "person.email_addresses");
        }
        return OsdiEventBodies.text(chosen, "address").orElse("");
    }

    /** An RSVP as an OSDI attendance, with its person embedded while the RSVP keeps who it is from. */
    private Hal attendance(Rsvp rsvp) {
        var attendance = Hal.of(rsvp.id().toString())
                .put("created_date", rsvp.createdAt())
                .put("modified_date", rsvp.confirmedAt() != null ? rsvp.confirmedAt() : rsvp.createdAt())
                .put("action_date", rsvp.createdAt())
                .put("status", status(rsvp.status()))
                .put("chorus:guests", rsvp.guests())
                .link("osdi:event", settings.link(OsdiEventsApi.BASE + "/events/" + rsvp.action()));
        var contact = rsvp.contact();
        if (contact != null) {
            attendance.embed(
                    "osdi:person",
                    Hal.empty()
                            .put("given_name", contact.name())
                            .put("email_addresses", List.of(Map.of("address", contact.email(), "primary", true))));
        }
        return attendance;
    }

    /** OSDI's words for where an RSVP stands. */
    static String status(RsvpStatus status) {
        return switch (status) {
            case UNCONFIRMED -> "needs action";
            case GOING -> "accepted";
            case WAITLISTED -> "tentative";
            case CANCELLED -> "declined";
        };
    }
}

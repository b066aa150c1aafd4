package org.chorus.rsvps.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.chorus.actions.ActionId;
import org.chorus.organizations.Actor;
import org.chorus.rsvps.RsvpStatus;
import org.chorus.rsvps.Rsvping;
import org.chorus.shared.web.JsonBodies;
import org.chorus.shared.web.RequiresScope;
import org.chorus.shared.web.Ui;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * RSVPs through the API: the token's account says it is coming to an action, as the page's one-click RSVP does for
 * someone signed in (going, or waitlisted when the seats are taken); the host hears of it and the count follows.
 */
@RestController
class RsvpsApi {

    /** An RSVP as the account sends it. */
    public record NewRsvp(
            @Schema(description = "people coming along, 0 by default")
            Integer guests,

            @Schema(description = "answers to the host's questions, in their order")
            List<String> answers) {}

    /** An RSVP as its account sees it. */
    public record RsvpItem(String id, String action, RsvpStatus status, int guests) {}

    private final Rsvping rsvping;
    private final org.chorus.rsvps.ManagingRsvps managing;

    RsvpsApi(Rsvping rsvping, org.chorus.rsvps.ManagingRsvps managing) {
        this.rsvping = rsvping;
        this.managing = managing;
    }

    @PostMapping("/api/v1/actions/{id}/rsvps")
    @RequiresScope("write:rsvps")
    @Operation(
            summary = "Say the token's account is coming to an action",
            description = "As the page's one-click RSVP of someone signed in: GOING, or WAITLISTED when the seats are "
                    + "taken; 409 when the account is already coming. 201 with the RSVP. Needs the scope write:rsvps.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = NewRsvp.class)))
    ResponseEntity<RsvpItem> rsvp(@PathVariable String id, @RequestBody JsonNode body, Actor actor, Ui ui) {
        var asked = JsonBodies.read(body, NewRsvp.class);
        var rsvp = rsvping.rsvp(
                actor,
                ActionId.parse(id),
                new Rsvping.Answers(
                        asked.guests() == null ? "0" : asked.guests().toString(),
                        asked.answers() == null ? List.of() : asked.answers()),
                org.chorus.shared.i18n.Language.of(ui.locale()));
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
                .body(new RsvpItem(rsvp.id().toString(), rsvp.action().toString(), rsvp.status(), rsvp.guests()));
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/actions/{id}/rsvps/mine")
    @RequiresScope("write:rsvps")
    @Operation(
            summary = "Cancel the token's account's RSVP to an action",
            description = "As the RSVP's own page's button: the seats it frees go to the earliest waiting parties that "
                    + "fit, and the host hears of it. 404 when the account has no RSVP to it (or no more: it was "
                    + "cancelled). Needs the scope write:rsvps.")
    RsvpItem cancel(@PathVariable String id, Actor actor) {
        var rsvp = rsvping.cancel(actor, ActionId.parse(id));
        return new RsvpItem(rsvp.id().toString(), rsvp.action().toString(), rsvp.status(), rsvp.guests());
    }

    /** An RSVP as the action's host and organizers see it. */
    public record Attendee(
            String id,
            RsvpStatus status,
            int guests,

            @Schema(description = "null once the RSVP's personal data was deleted (after the action)")
            String name,

            String email,

            @Schema(description = "answers to the host's questions, in their order")
            List<String> answers,

            java.time.Instant createdAt,
            java.time.Instant confirmedAt) {}

    /** The action's RSVPs and its seats. */
    public record Attendees(int going, int waitlisted, List<Attendee> items) {}

    @org.springframework.web.bind.annotation.GetMapping("/api/v1/actions/{id}/rsvps")
    @Operation(
            summary = "An action's RSVPs (its host and the campaign's organizers)",
            description = "Every confirmed or cancelled RSVP with who it is from, as the attendees' page shows them "
                    + "(and its CSV); people going and waiting, guests included. 404 for anyone else; needs a token "
                    + "that may read. Personal data: Cache-Control no-store.")
    ResponseEntity<Attendees> attendees(@PathVariable String id, Actor actor) {
        var page = managing.attendees(actor, ActionId.parse(id));
        var items = page.rsvps().stream()
                .map(r -> new Attendee(
                        r.id().toString(),
                        r.status(),
                        r.guests(),
                        r.contact() == null ? null : r.contact().name(),
                        r.contact() == null ? null : r.contact().email(),
                        r.contact() == null ? List.of() : r.contact().answers(),
                        r.createdAt(),
                        r.confirmedAt()))
                .toList();
        return ResponseEntity.ok()
                .cacheControl(org.springframework.http.CacheControl.noStore().cachePrivate())
                .body(new Attendees(page.going(), page.waitlisted(), items));
    }
}

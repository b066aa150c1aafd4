package org.chorus.signons.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.shared.InvalidField;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.web.JsonBodies;
import org.chorus.shared.web.RequiresScope;
import org.chorus.shared.web.Ui;
import org.chorus.signons.OpeningSignOns;
import org.chorus.signons.SignOnOpening;
import org.chorus.signons.SignOnQuestion;
import org.chorus.signons.WhoMaySign;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A statement's sign-on through the API, for those who manage it (its issuer's editors): read its choices, open it (or
 * re-open it with new choices; its sign-ons stay), close it (the list stays), as on the statement's sign-on page.
 */
@RestController
class SignOnOpeningApi {

    /** A question the form asks signers. */
    public record Question(
            @Schema(example = "Sector") String label,

            @Schema(description = "the answers to choose from; none: a short text")
            List<String> choices) {}

    /** The sign-on's choices, as a client writes them; null or absent fields take the page's defaults. */
    public record Opening(
            @Schema(description = "ORGANIZATIONS, PEOPLE or BOTH (the default)")
            String whoMaySign,

            @Schema(
                    description = "when the form closes, with its offset; null: open until closed",
                    example = "2026-12-31T23:59:00+01:00")
            String closesAt,

            @Schema(description = "list by name the people who agree (default true)")
            Boolean showPeopleNames,

            @Schema(description = "list people at once (default true)")
            Boolean autoApprovePeople,

            @Schema(description = "list organizations at once (default false: organizers approve each)")
            Boolean autoApproveOrganizations,

            @Schema(description = "shown to signers after they sign")
            String thankYou,

            @Schema(description = "days after closing when signers' personal data is deleted (default 365)")
            Integer retentionDays,

            @Schema(description = "email domains whose sign-ons are answered but never stored")
            List<String> blockedDomains,

            @Schema(description = "sites that may embed the form (https://…)")
            List<String> embedOrigins,

            @Schema(description = "at most 5") List<Question> questions) {

        SignOnOpening.Choices choices() {
            WhoMaySign who;
            try {
                who = whoMaySign == null ? WhoMaySign.BOTH : WhoMaySign.valueOf(whoMaySign.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidField("whoMaySign", "signons.opening.who-invalid");
            }
            Instant closes = null;
            if (closesAt != null && !closesAt.isBlank()) {
                try {
                    closes = OffsetDateTime.parse(closesAt.strip()).toInstant();
                } catch (DateTimeParseException e) {
                    throw new InvalidField("closesAt", "signons.opening.closes-invalid");
                }
            }
            return new SignOnOpening.Choices(
                    who,
                    closes,
                    !Boolean.FALSE.equals(showPeopleNames),
                    !Boolean.FALSE.equals(autoApprovePeople),
                    Boolean.TRUE.equals(autoApproveOrganizations),
                    thankYou,
                    retentionDays == null ? SignOnOpening.RETENTION_DEFAULT : retentionDays,
                    blockedDomains,
                    embedOrigins,
                    questions == null
                            ? List.of()
                            : questions.stream()
                                    .map(q -> new SignOnQuestion(
                                            q == null ? "" : q.label(), q == null ? List.of() : q.choices()))
                                    .toList());
        }

        static Opening of(SignOnOpening.Choices c) {
            return new Opening(
                    c.whoMaySign().name(),
                    c.closesAt() == null ? null : c.closesAt().toString(),
                    c.showPeopleNames(),
                    c.autoApprovePeople(),
                    c.autoApproveOrganizations(),
                    c.thankYou(),
                    c.retentionDays(),
                    c.blockedDomains(),
                    c.embedOrigins(),
                    c.questions().stream()
                            .map(q -> new Question(q.label(), q.choices()))
                            .toList());
        }
    }

    /** The sign-on as its managers see it. */
    public record OpeningState(
            @Schema(description = "false once closed") boolean open,

            @Schema(description = "whether the form takes sign-ons now (open, and before closesAt)")
            boolean acceptingNow,

            Instant openedAt,
            Instant closedAt,
            Opening choices) {

        static OpeningState of(SignOnOpening o, boolean accepting) {
            return new OpeningState(o.open(), accepting, o.openedAt(), o.closedAt(), Opening.of(o.choices()));
        }
    }

    private final OpeningSignOns opening;
    private final java.time.Clock clock;

    SignOnOpeningApi(OpeningSignOns opening, java.time.Clock clock) {
        this.opening = opening;
        this.clock = clock;
    }

    @GetMapping("/api/v1/statements/{slug}/signon-opening")
    @Operation(
            summary = "A statement's sign-on choices (those who manage it)",
            description = "404 when it was never opened, or for anyone but its issuer's editors; needs a token that "
                    + "may read.")
    ResponseEntity<OpeningState> read(@PathVariable String slug, Actor actor, Ui ui) {
        var managed = opening.managed(actor, slug, Language.of(ui.locale()));
        var found = managed.opening().orElseThrow(() -> new org.chorus.shared.NotFoundException("signons.not-opened"));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(OpeningState.of(found, managed.acceptingNow()));
    }

    @PutMapping("/api/v1/statements/{slug}/signon-opening")
    @RequiresScope("write:signons")
    @Operation(
            summary = "Open a public statement for sign-on, or re-open it with new choices (its issuer's editors)",
            description = "As the statement's sign-on page: its sign-ons stay when it is re-opened. Broken rules are a "
                    + "422 with `errors` by field. Needs the scope write:signons.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = Opening.class)))
    OpeningState open(@PathVariable String slug, @RequestBody JsonNode body, Actor actor, Ui ui) {
        var asked = JsonBodies.read(body, Opening.class);
        var opened = opening.open(actor, slug, asked.choices(), Language.of(ui.locale()));
        return OpeningState.of(opened, opened.acceptingAt(clock.instant()));
    }

    @PostMapping("/api/v1/statements/{slug}/signon-opening/close")
    @RequiresScope("write:signons")
    @Operation(
            summary = "Close a statement's sign-on (its issuer's editors)",
            description = "The form says it is closed; the list stays. 409 when it is not open. Needs the scope "
                    + "write:signons.")
    OpeningState close(@PathVariable String slug, Actor actor, Ui ui) {
        var closed = opening.close(actor, slug, Language.of(ui.locale()));
        return OpeningState.of(closed, false);
    }
}

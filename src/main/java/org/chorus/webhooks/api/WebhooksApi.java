package org.chorus.webhooks.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.chorus.organizations.Actor;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.web.JsonBodies;
import org.chorus.shared.web.RequiresScope;
import org.chorus.webhooks.ManagingWebhooks;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * An organization's webhook endpoints through the API, for its owners, as on the webhooks page: list them, register
 * one (its secret is in that answer only), remove one. docs/api/webhooks.md says what they receive.
 */
@RestController
class WebhooksApi {

    /** An endpoint as a client registers it. */
    public record NewEndpoint(
            @Schema(description = "https only", example = "https://crm.example.org/hooks/chorus")
            String url,

            @Schema(description = "the event types it takes, such as statement.published; see GET …/webhooks")
            List<String> events,

            String description) {}

    /** An endpoint as its owners see it. */
    public record EndpointItem(
            String id, String url, List<String> events, String description, Instant since, Instant disabledAt) {

        static EndpointItem of(ManagingWebhooks.Endpoint e) {
            return new EndpointItem(e.id().toString(), e.url(), e.events(), e.description(), e.since(), e.disabledAt());
        }
    }

    /** The organization's endpoints, and the event types there are. */
    public record Endpoints(List<EndpointItem> items, List<String> types) {}

    /** A registered endpoint, with the secret that signs what it receives: shown in this answer only. */
    public record RegisteredEndpoint(
            String id,

            @Schema(description = "whsec_…: keep it; it is not shown again")
            String secret) {}

    private final ManagingWebhooks webhooks;

    WebhooksApi(ManagingWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/api/v1/organizations/{slug}/webhooks")
    @Operation(
            summary = "An organization's webhook endpoints (its owners)",
            description = "With the event types an endpoint may take. 403 for anyone but its owners; needs a token "
                    + "that may read.")
    ResponseEntity<Endpoints> list(@PathVariable String slug, Actor actor) {
        var overview = webhooks.overview(actor, slug);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(new Endpoints(
                        overview.endpoints().stream().map(EndpointItem::of).toList(), overview.types()));
    }

    @PostMapping("/api/v1/organizations/{slug}/webhooks")
    @RequiresScope("write:webhooks")
    @Operation(
            summary = "Register a webhook endpoint (the organization's owners)",
            description = "As the webhooks page: an https address (no private or loopback one in production), the "
                    + "event types it takes. 201 with its id and its whsec_ secret, shown in this answer only. "
                    + "Needs the scope write:webhooks.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = NewEndpoint.class)))
    ResponseEntity<RegisteredEndpoint> register(@PathVariable String slug, @RequestBody JsonNode body, Actor actor) {
        var asked = JsonBodies.read(body, NewEndpoint.class);
        var registered = webhooks.register(
                actor,
                slug,
                asked.url() == null ? "" : asked.url(),
                asked.events() == null ? List.of() : asked.events(),
                asked.description() == null ? "" : asked.description());
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + slug + "/webhooks/" + registered.id()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(new RegisteredEndpoint(registered.id().toString(), registered.secret()));
    }

    @DeleteMapping("/api/v1/organizations/{slug}/webhooks/{id}")
    @RequiresScope("write:webhooks")
    @Operation(
            summary = "Remove a webhook endpoint (the organization's owners)",
            description = "Nothing more is sent to it. 204. Needs the scope write:webhooks.")
    ResponseEntity<Void> remove(@PathVariable String slug, @PathVariable String id, Actor actor) {
        webhooks.remove(actor, slug, endpoint(id));
        return ResponseEntity.noContent().build();
    }

    private static UUID endpoint(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("webhooks.not-found");
        }
    }
}

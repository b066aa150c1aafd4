package org.chorus.webhooks;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.outbound.OutboundQueue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's owners and its webhook endpoints: registering one (its secret shown once), removing one (what
 * was not sent yet is dropped), reading an endpoint's deliveries, and sending a failed one again.
 */
@Service
public class ManagingWebhooks {

    /**
     * The event types an endpoint may take, in the order the form offers them: names on the wire (Standard Webhooks'
     * {@code type}), not message keys, though they look alike.
     */
    public static final List<String> EVENT_TYPES = List.of(
            "statement.published",
            "statement.corrected",
            "statement.retracted",
            "action.created",
            "action.approved",
            "action.updated",
            "action.cancelled",
            "signon.confirmed",
            "signon.withdrawn",
            "rsvp.created",
            "rsvp.cancelled",
            "turnout.reported");

    static final int URL_MAX = 500;
    static final int DESCRIPTION_MAX = 200;
    static final int LOGGED = 50;

    /** An endpoint as its owners see it. */
    public record Endpoint(
            UUID id, String url, List<String> events, String description, Instant since, Instant disabledAt) {

        public boolean disabled() {
            return disabledAt != null;
        }
    }

    /** The owners' page: the organization, its endpoints, the event types offered. */
    public record Overview(Organization organization, List<Endpoint> endpoints, List<String> types) {}

    /** A new endpoint, with its secret: shown on this answer only. */
    public record Registered(UUID id, String secret) {}

    /** A delivery of an endpoint, as its log shows it. */
    public record Delivery(
            long id,
            String type,
            String object,
            String status,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant queuedAt,
            Instant finishedAt) {

        public boolean failed() {
            return status.equals("failed");
        }
    }

    /** An endpoint's log: the endpoint and its latest deliveries, newest first. */
    public record Log(Organization organization, Endpoint endpoint, List<Delivery> deliveries) {}

    private final CoalitionDirectory directory;
    private final OrganizationPermissions permissions;
    private final WebhookEndpoints endpoints;
    private final OutboundQueue queue;
    private final ChorusProperties chorus;
    private final Clock clock;

    ManagingWebhooks(
            CoalitionDirectory directory,
            OrganizationPermissions permissions,
            WebhookEndpoints endpoints,
            OutboundQueue queue,
            ChorusProperties chorus,
            Clock clock) {
        this.directory = directory;
        this.permissions = permissions;
        this.endpoints = endpoints;
        this.queue = queue;
        this.chorus = chorus;
        this.clock = clock;
    }

    private Organization managed(Actor actor, String slug) {
        var organization = directory.bySlug(slug).orElseThrow(() -> new NotFoundException("organization.not-found"));
        permissions.require(actor, organization.id(), WebhookPermission.MANAGE_WEBHOOKS);
        return organization;
    }

    private static Endpoint view(WebhookEndpoints.Endpoint endpoint) {
        return new Endpoint(
                endpoint.id(),
                endpoint.url(),
                endpoint.events(),
                endpoint.description(),
                endpoint.since(),
                endpoint.disabledAt());
    }

    @Transactional(readOnly = true)
    public Overview overview(Actor actor, String slug) {
        var organization = managed(actor, slug);
        return new Overview(
                organization,
                endpoints.of(organization.id()).stream()
                        .map(ManagingWebhooks::view)
                        .toList(),
                EVENT_TYPES);
    }

    /**
     * Registers an endpoint: an https address (http only on a site served over http, a developer's), one or more of
     * the event types offered. 422 on the field at fault.
     */
    @Transactional
    public Registered register(Actor actor, String slug, String url, List<String> events, String description) {
        var organization = managed(actor, slug);
        var address = address(url);
        var types = events == null ? List.<String>of() : events;
        if (types.isEmpty()) {
            throw new InvalidField("events", "webhooks.events-required");
        }
        for (var type : types) {
            if (!EVENT_TYPES.contains(type)) {
                throw new InvalidField("events", "webhooks.event-unknown", type);
            }
        }
        var text = description == null ? "" : description.strip();
        if (text.length() > DESCRIPTION_MAX) {
            throw new InvalidField("description", "webhooks.description-too-long", DESCRIPTION_MAX);
        }
        var secret = WebhookEndpoints.newSecret();
        var id = endpoints.insert(
                organization.id(),
                address,
                EVENT_TYPES.stream().filter(types::contains).toList(),
                text,
                secret,
                actor.account().value(),
                clock.instant());
        return new Registered(id, secret);
    }

    private String address(String typed) {
        var url = typed == null ? "" : typed.strip();
        var secure = url.startsWith("https://");
        var plainAllowed = chorus.baseUrl().startsWith("http://") && url.startsWith("http://");
        if (url.isEmpty() || url.length() > URL_MAX || !(secure || plainAllowed)) {
            throw new InvalidField("url", "webhooks.url-invalid");
        }
        try {
            var uri = URI.create(url);
            if (uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
                throw new InvalidField("url", "webhooks.url-invalid");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidField("url", "webhooks.url-invalid");
        }
        return url;
    }

    /** Removes an endpoint; what was queued for it and not sent is dropped. 404 for one the organization has not. */
    @Transactional
    public void remove(Actor actor, String slug, UUID id) {
        var organization = managed(actor, slug);
        if (!endpoints.remove(organization.id(), id)) {
            throw new NotFoundException("webhooks.not-found");
        }
        queue.dropQueued(WebhookSigner.CHANNEL, id.toString());
    }

    /** Turns an endpoint turned off for failing on again; 404 for one the organization has not. */
    @Transactional
    public void enable(Actor actor, String slug, UUID id) {
        var organization = managed(actor, slug);
        if (!endpoints.enable(organization.id(), id)) {
            throw new NotFoundException("webhooks.not-found");
        }
    }

    @Transactional(readOnly = true)
    public Log log(Actor actor, String slug, UUID id) {
        var organization = managed(actor, slug);
        var endpoint = endpoints
                .byId(id)
                .filter(e -> e.organization().equals(organization.id()))
                .orElseThrow(() -> new NotFoundException("webhooks.not-found"));
        var deliveries = queue.ofSender(WebhookSigner.CHANNEL, id.toString(), LOGGED).stream()
                .map(sent -> {
                    // the key says what it was: "webhook <endpoint> <type> <object> <version>"
                    var parts = sent.key().split(" ");
                    return new Delivery(
                            sent.id(),
                            parts.length > 2 ? parts[2] : "",
                            parts.length > 3 ? parts[3] : "",
                            sent.status(),
                            sent.attempts(),
                            sent.lastStatus(),
                            sent.lastError(),
                            sent.createdAt(),
                            sent.finishedAt());
                })
                .toList();
        return new Log(organization, view(endpoint), deliveries);
    }

    /** Sends a failed delivery again; 409 when it is not a failed delivery of this endpoint. */
    @Transactional
    public void retry(Actor actor, String slug, UUID id, long delivery) {
        log(actor, slug, id);
        if (!queue.retry(WebhookSigner.CHANNEL, id.toString(), delivery)) {
            throw DomainException.conflict("webhooks.not-failed");
        }
    }
}

package org.chorus.webhooks;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chorus.actions.ActionApproved;
import org.chorus.actions.ActionCancelled;
import org.chorus.actions.ActionChanged;
import org.chorus.actions.ActionId;
import org.chorus.actions.ActionRegistered;
import org.chorus.actions.ReadingActions;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.SecretToken;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.outbound.OutboundQueue;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementChanged;
import org.chorus.statements.StatementPublished;
import org.chorus.statements.StatementRetracted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells an organization's webhook endpoints of what happens to its statements (and their sign-ons) and to the actions
 * of its campaigns (and their RSVPs and turnout), as
 * Standard Webhooks messages ({@code {"id", "type", "timestamp", "data"}}) carrying only what the public may see:
 * the endpoint's owners could read it on the pages. Each message is queued in the outbound queue (decision 0043) in
 * the listener's transaction under a key made of the endpoint, the type, the object and its version, so a listener
 * run again after a crash queues nothing twice and a correction is told once however many changes fire.
 */
@Component
class TellingWebhooks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookEndpoints endpoints;
    private final OutboundQueue queue;
    private final ReadingStatements statements;
    private final ReadingActions actions;
    private final org.chorus.campaigns.ReadingCampaigns campaigns;
    private final ChorusProperties chorus;
    private final Clock clock;

    TellingWebhooks(
            WebhookEndpoints endpoints,
            OutboundQueue queue,
            ReadingStatements statements,
            ReadingActions actions,
            org.chorus.campaigns.ReadingCampaigns campaigns,
            ChorusProperties chorus,
            Clock clock) {
        this.campaigns = campaigns;
        this.endpoints = endpoints;
        this.queue = queue;
        this.statements = statements;
        this.actions = actions;
        this.chorus = chorus;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(StatementPublished published) {
        if (published.kind() == StatementPublished.Kind.IMPORT) {
            return; // an import is not news
        }
        statements
                .slugOf(published.statement())
                .flatMap(statements::publicStatement)
                .ifPresent(statement -> send(
                        published.issuer(),
                        "statement.published",
                        statement.slug(),
                        statement.publishedAt(),
                        statementData(statement.slug(), false)));
    }

    @ApplicationModuleListener
    void on(StatementChanged changed) {
        statements
                .slugOf(changed.statement())
                .flatMap(statements::publicStatement)
                .filter(statement -> statement.correctedAt() != null)
                .ifPresent(statement -> send(
                        statement.issuer(),
                        "statement.corrected",
                        statement.slug(),
                        statement.correctedAt(),
                        statementData(statement.slug(), false)));
    }

    @ApplicationModuleListener
    void on(StatementRetracted retracted) {
        statements
                .slugOf(retracted.statement())
                .ifPresent(
                        slug -> send(retracted.issuer(), "statement.retracted", slug, null, statementData(slug, true)));
    }

    @ApplicationModuleListener
    void on(ActionRegistered registered) {
        action(registered.action(), "action.created");
    }

    @ApplicationModuleListener
    void on(ActionApproved approved) {
        action(approved.action(), "action.approved");
    }

    @ApplicationModuleListener
    void on(ActionChanged changed) {
        action(changed.action(), "action.updated");
    }

    @ApplicationModuleListener
    void on(ActionCancelled cancelled) {
        action(cancelled.action(), "action.cancelled");
    }

    @ApplicationModuleListener
    void on(org.chorus.signons.SignOnConfirmed confirmed) {
        signOn(confirmed.statement(), "signon.confirmed", confirmed.id().value().toString(), confirmed.at(), data -> {
            data.put("kind", confirmed.kind().name());
            data.put("status", confirmed.status().name());
        });
    }

    @ApplicationModuleListener
    void on(org.chorus.signons.SignOnWithdrawn withdrawn) {
        signOn(
                withdrawn.statement(),
                "signon.withdrawn",
                withdrawn.id().value().toString(),
                null,
                data -> data.put("kind", withdrawn.kind().name()));
    }

    /**
     * A sign-on's event, to the endpoints of the statement's issuer: its id and kind, never the signer's data (the
     * organizers read it through the API with a token, as they may).
     */
    private void signOn(
            org.chorus.statements.StatementId statement,
            String type,
            String id,
            Instant version,
            java.util.function.Consumer<Map<String, Object>> more) {
        statements.published(statement).ifPresent(published -> {
            var data = new LinkedHashMap<String, Object>();
            data.put("id", id);
            data.put("statement", published.slug());
            data.put("api", chorus.link("/api/v1/statements/" + published.slug() + "/signons"));
            more.accept(data);
            send(published.issuer(), type, id, version, data);
        });
    }

    @ApplicationModuleListener
    void on(org.chorus.rsvps.RsvpConfirmed confirmed) {
        rsvp(
                confirmed.action(),
                "rsvp.created",
                confirmed.rsvp().toString(),
                confirmed.status().name());
    }

    @ApplicationModuleListener
    void on(org.chorus.rsvps.RsvpCancelled cancelled) {
        rsvp(cancelled.action(), "rsvp.cancelled", cancelled.rsvp().toString(), null);
    }

    /** An RSVP's event, to the endpoints of the action's campaign's organization: its id and standing, never who. */
    private void rsvp(ActionId action, String type, String id, String status) {
        campaignOf(action).ifPresent(organization -> {
            var data = new LinkedHashMap<String, Object>();
            data.put("id", id);
            data.put("action", action.toString());
            data.put("api", chorus.link("/api/v1/actions/" + action));
            if (status != null) {
                data.put("status", status);
            }
            send(organization, type, id, null, data);
        });
    }

    @ApplicationModuleListener
    void on(org.chorus.turnout.TurnoutReported reported) {
        campaignOf(reported.action()).ifPresent(organization -> {
            var data = new LinkedHashMap<String, Object>();
            data.put("action", reported.action().toString());
            data.put("campaign", reported.campaignSlug());
            data.put("participants", reported.participants());
            data.put("url", chorus.link("/actions/" + reported.action()));
            // told again only when the number changes
            send(organization, "turnout.reported", reported.action() + "/" + reported.participants(), null, data);
        });
    }

    private java.util.Optional<OrganizationId> campaignOf(ActionId action) {
        return actions.action(action)
                .flatMap(a -> campaigns.published(a.campaignSlug(), null))
                .map(org.chorus.campaigns.PublishedCampaign::issuer);
    }

    private Map<String, Object> statementData(String slug, boolean retracted) {
        var data = new LinkedHashMap<String, Object>();
        data.put("slug", slug);
        data.put("url", chorus.link("/s/" + slug));
        data.put("api", chorus.link("/api/v1/statements/" + slug));
        if (retracted) {
            data.put("retracted", true);
            return data;
        }
        var page = statements.page(null, slug, null);
        data.put("title", page.text().title());
        data.put("language", page.statement().originalLanguage());
        data.put("issuer", page.issuer() == null ? null : page.issuer().slug());
        data.put("publishedAt", page.statement().publishedAt());
        data.put("correctedAt", page.statement().correctedAt());
        return data;
    }

    /**
     * An action's event, to the endpoints of its campaign's organization. A created action is told whatever its
     * status (the organizers review it); its other events only once it is public, with what the public sees.
     */
    private void action(ActionId id, String type) {
        var action = actions.action(id).orElse(null);
        if (action == null || !type.equals("action.created") && !action.isPublic()) {
            return;
        }
        var campaign = campaigns
                .published(action.campaignSlug(), null)
                .map(org.chorus.campaigns.PublishedCampaign::issuer)
                .orElse(null);
        if (campaign == null) {
            return;
        }
        var details = action.details();
        var data = new LinkedHashMap<String, Object>();
        data.put("id", id.toString());
        data.put("url", chorus.link("/actions/" + id));
        data.put("api", chorus.link("/api/v1/actions/" + id));
        data.put("campaign", action.campaignSlug());
        data.put("title", details.title());
        data.put("kind", details.kind().name());
        data.put("startsAt", details.start().toOffsetDateTime().toString());
        data.put("endsAt", details.end().toOffsetDateTime().toString());
        data.put("timeZone", details.zone().getId());
        data.put("status", action.status().name());
        data.put("cancelled", action.cancelled());
        if (details.place() != null) {
            data.put("city", details.place().cityName());
            data.put("country", details.place().country());
        }
        send(campaign, type, id.toString(), action.updatedAt(), data);
    }

    /** Queues the message to each endpoint of the organization taking this type, once per object and version. */
    private void send(
            OrganizationId organization, String type, String object, Instant version, Map<String, Object> data) {
        var now = clock.instant();
        var deliveries = endpoints.subscribed(organization, type).stream()
                .map(endpoint -> {
                    var key = "webhook " + endpoint.id() + " " + type + " " + object + " "
                            + (version == null ? "" : ChronoUnit.MICROS.between(Instant.EPOCH, version));
                    var message = new LinkedHashMap<String, Object>();
                    message.put("id", "msg_" + SecretToken.hash(key).substring(0, 32));
                    message.put("type", type);
                    message.put("timestamp", now.toString());
                    message.put("data", data);
                    return new OutboundQueue.NewDelivery(
                            WebhookSigner.CHANNEL,
                            endpoint.id().toString(),
                            key,
                            URI.create(endpoint.url()),
                            "application/json",
                            JSON.writeValueAsBytes(message));
                })
                .toList();
        if (!deliveries.isEmpty()) {
            queue.enqueue(deliveries);
        }
    }
}

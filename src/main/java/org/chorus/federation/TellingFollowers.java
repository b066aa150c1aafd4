package org.chorus.federation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.chorus.actions.ActionApproved;
import org.chorus.actions.ActionCancelled;
import org.chorus.actions.ActionChanged;
import org.chorus.actions.ActionId;
import org.chorus.actions.ActionRegistered;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.SecretToken;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementChanged;
import org.chorus.statements.StatementPublished;
import org.chorus.statements.StatementRetracted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells an organization's followers on other servers of what it publishes. A statement: a {@code Create} of its
 * Article (an {@code Announce} of an original here) when it is published, an {@code Update} when what was sent
 * changed (a correction, a translation), a {@code Delete} when it is retracted; each organization co-issuing it
 * {@code Announce}s it to its own followers (undone on retraction). An action of its campaign: a
 * {@code Create} of its Event when it is approved (or registered by a trusted host), an {@code Update} when it changes or is cancelled (the Event then
 * says {@code ical:status} CANCELLED, as Mobilizon does). What was sent is kept by id with a digest
 * ({@code federation_sent_objects}), so an event that changes nothing sent sends nothing. Each activity is queued in
 * the outbound queue (decision 0043) in the listener's transaction, once per follower's inbox (a server's shared inbox
 * once), under a key made of the activity's id and the inbox: a listener run again after a crash queues nothing twice.
 * Imports are not news and are not sent; they are in the outbox for those who look.
 */
@Component
class TellingFollowers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReadingStatements reading;
    private final Articles articles;
    private final Events events;
    private final Followers followers;
    private final ActivityDeliveries deliveries;
    private final JdbcClient jdbc;
    private final Addresses addresses;
    private final DomainBlocks blocks;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    TellingFollowers(
            ReadingStatements reading,
            Articles articles,
            Events events,
            Followers followers,
            ActivityDeliveries deliveries,
            JdbcClient jdbc,
            Addresses addresses,
            DomainBlocks blocks,
            org.springframework.transaction.PlatformTransactionManager transactions,
            Clock clock) {
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.blocks = blocks;
        this.reading = reading;
        this.articles = articles;
        this.events = events;
        this.followers = followers;
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(StatementPublished published) {
        if (published.kind() == StatementPublished.Kind.IMPORT) {
            return;
        }
        if (reading.published(published.statement()).isEmpty()) {
            return; // retracted meanwhile
        }
        reading.slugOf(published.statement()).ifPresent(slug -> {
            articles.published(slug)
                    .ifPresent(activity -> created(published.issuer(), addresses.statement(slug), activity));
            announceByCoIssuers(slug);
        });
    }

    /** Each co-issuer's Announce of the statement, once (a co-issuer who joined later announces it then). */
    private void announceByCoIssuers(String slug) {
        for (var announced : articles.announcedByCoIssuers(slug)) {
            created(announced.organization(), (String) announced.activity().get("id"), announced.activity());
        }
    }

    @ApplicationModuleListener
    void on(StatementChanged changed) {
        if (reading.published(changed.statement()).isEmpty()) {
            return; // not public: a draft's change, or a retraction (which has its own event)
        }
        reading.slugOf(changed.statement())
                .ifPresent(slug -> sent(addresses.statement(slug)).ifPresent(sent -> {
                    articles.corrected(slug, clock.instant())
                            .ifPresent(update -> updated(sent.organization(), addresses.statement(slug), update));
                    announceByCoIssuers(slug);
                }));
    }

    @ApplicationModuleListener
    void on(StatementRetracted retracted) {
        reading.slugOf(retracted.statement()).map(addresses::statement).ifPresent(id -> {
            sent(id).ifPresent(sent -> deleted(sent.organization(), id, articles.withdrawn(id, sent.activity())));
            // the co-issuers' Announces (kept under their own ids) are undone
            coIssuersAnnounces(id)
                    .forEach((announceId, sent) ->
                            deleted(sent.organization(), announceId, articles.withdrawn(id, sent.activity())));
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Sent> coIssuersAnnounces(String address) {
        var found = new java.util.LinkedHashMap<String, Sent>();
        jdbc.sql("""
                        select id, organization_id, activity::text from federation_sent_objects
                         where activity ->> 'type' = 'Announce' and activity ->> 'object' = :address
                           and id = activity ->> 'id'""")
                .param("address", address)
                .query((rs, n) -> found.put(
                        rs.getString(1),
                        new Sent(
                                new OrganizationId((java.util.UUID) rs.getObject(2)),
                                JSON.readValue(rs.getString(3), Map.class))))
                .list();
        return found;
    }

    @ApplicationModuleListener
    void on(ActionRegistered registered) {
        if (registered.approved()) {
            send(registered.action());
        }
    }

    @ApplicationModuleListener
    void on(ActionApproved approved) {
        send(approved.action());
    }

    @ApplicationModuleListener
    void on(ActionChanged changed) {
        send(changed.action());
    }

    @ApplicationModuleListener
    void on(ActionCancelled cancelled) {
        send(cancelled.action());
    }

    /** The action's Event as it is now: created if it was never sent, else updated if it changed. */
    private void send(ActionId action) {
        var event = events.of(action);
        if (event.isEmpty()) {
            return; // not public (waiting for the organizers again after an edit, or rejected)
        }
        var organization = event.get().organization();
        var id = event.get().id();
        if (sent(id).isPresent()) {
            updated(organization, id, events.activity(event.get(), "Update", clock.instant()));
        } else {
            created(organization, id, events.activity(event.get(), "Create", clock.instant()));
        }
    }

    /**
     * Sends an Update of each event sent to followers and not over yet whose Event changed without an edit of the
     * action: its exact place revealed at the hour its host chose, its number of participants (at most one Update per
     * run, not one per RSVP). Run by a job ({@code FederationJobs}); returns how many events it looked at.
     */
    int refreshUpcomingEvents() {
        var prefix = addresses.link("/actions/");
        var upcoming = jdbc.sql("select id from federation_sent_objects where ends_at > :now order by ends_at")
                .param("now", Timestamp.from(clock.instant()))
                .query(String.class)
                .list();
        for (var id : upcoming) {
            if (id.startsWith(prefix)) {
                ActionId action;
                try {
                    action = ActionId.parse(id.substring(prefix.length()));
                } catch (org.chorus.shared.NotFoundException e) {
                    continue; // not an action's address this site makes: nothing to refresh
                }
                tx.executeWithoutResult(status -> send(action));
            }
        }
        return upcoming.size();
    }

    /** When an Event ends (or starts, when it has no end), for {@code ends_at}; null for any other object. */
    private static Timestamp endsAt(Object object) {
        if (!(object instanceof Map<?, ?> map) || !"Event".equals(map.get("type"))) {
            return null;
        }
        var end = map.get("endTime") != null ? map.get("endTime") : map.get("startTime");
        try {
            return end == null
                    ? null
                    : Timestamp.from(
                            java.time.OffsetDateTime.parse(end.toString()).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** What was sent of an object: by which organization, and the activity's id, type and object. */
    record Sent(OrganizationId organization, Map<String, Object> activity) {}

    /**
     * Sends the activity that publishes the object at address {@code id}, unless it was sent before (a listener run
     * again); the object's digest is kept for updates, and the activity's id, type and object for a withdrawal.
     */
    private void created(OrganizationId organization, String id, Map<String, Object> activity) {
        var kept = new java.util.LinkedHashMap<String, Object>();
        for (var field : java.util.List.of("id", "type", "actor")) {
            kept.put(field, activity.get(field));
        }
        kept.put("object", objectId(activity.get("object")));
        int recorded = jdbc.sql("""
                        insert into federation_sent_objects (id, organization_id, activity, digest, sent_at, ends_at)
                        values (:id, :organization, cast(:activity as jsonb), :digest, :now, :ends)
                        on conflict (id) do nothing""")
                .param("id", id)
                .param("organization", organization.value())
                .param("activity", JSON.writeValueAsString(kept))
                .param("digest", digest(activity.get("object")))
                .param("now", Timestamp.from(clock.instant()))
                .param("ends", endsAt(activity.get("object")))
                .update();
        if (recorded == 1) {
            deliver(organization, activity);
        }
    }

    private void updated(OrganizationId organization, String id, Map<String, Object> update) {
        int changed = jdbc.sql("""
                        update federation_sent_objects set digest = :digest, sent_at = :now, ends_at = :ends
                         where id = :id and digest <> :digest""")
                .param("id", id)
                .param("digest", digest(update.get("object")))
                .param("now", Timestamp.from(clock.instant()))
                .param("ends", endsAt(update.get("object")))
                .update();
        if (changed == 1) {
            deliver(organization, update);
        }
    }

    private void deleted(OrganizationId organization, String id, Map<String, Object> withdrawal) {
        int forgotten = jdbc.sql("delete from federation_sent_objects where id = :id")
                .param("id", id)
                .update();
        if (forgotten == 1) {
            deliver(organization, withdrawal);
        }
    }

    @SuppressWarnings("unchecked")
    private Optional<Sent> sent(String id) {
        return jdbc.sql("select organization_id, activity::text from federation_sent_objects where id = :id")
                .param("id", id)
                .query((rs, n) -> new Sent(
                        new OrganizationId((java.util.UUID) rs.getObject(1)),
                        JSON.readValue(rs.getString(2), Map.class)))
                .optional();
    }

    private static Object objectId(Object object) {
        return object instanceof Map<?, ?> map ? map.get("id") : object;
    }

    /** Queues the activity to every inbox of the organization's followers. */
    void deliver(OrganizationId organization, Map<String, Object> activity) {
        var blocked = blocks.blockedFor(organization);
        var inboxes = followers.inboxes(organization).stream()
                .filter(inbox -> !blocked.test(DomainBlocks.host(inbox)))
                .toList();
        deliveries.queue(organization, activity, inboxes);
    }

    private static String digest(Object value) {
        return SecretToken.hash(JSON.writeValueAsString(value));
    }
}

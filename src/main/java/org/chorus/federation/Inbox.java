package org.chorus.federation;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chorus.federation.activitystreams.Activities;
import org.chorus.federation.activitystreams.RemoteActor;
import org.chorus.federation.signing.HttpSignatures;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.shared.DomainException;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.RateLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What an inbox does with an activity another server sends: checked first ({@link InboxChecks}: signature, key,
 * origin), limited per server, taken once (an activity id seen before is answered as accepted and not acted on
 * again), then acted on in one transaction with what it queues in answer. Follows of an organization are accepted at
 * once unless its owners approve followers by hand; Undo ends a follow, a like or a boost; Like and Announce of a
 * statement are counted; Delete of an actor forgets its follows and reactions, Update of one refreshes where to
 * deliver to it. Accept and Reject answer a Follow an organization here sent ({@link RemoteFollows}); Create, Update
 * and Delete of posts by accounts followed from here keep their public posts ({@link AlliedPosts}). Activities Chorus
 * reads but has no use for (a post that replies to nothing here, by an account no one here follows) are accepted and
 * dropped; types it does not know are refused with 422.
 */
@Service
public class Inbox {

    /** Activities one server may send a minute, all inboxes together: far above a busy server's, below a flood. */
    static final int PER_SERVER_PER_MINUTE = 600;

    private final InboxChecks checks;
    private final CoalitionDirectory directory;
    private final Addresses addresses;
    private final Followers followers;
    private final Reactions reactions;
    private final RemoteActors actors;
    private final ActivityDeliveries deliveries;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DomainBlocks blocks;
    private final RepliesAsComments replies;
    private final RemoteFollows following;
    private final AlliedPosts allied;
    private final RateLimits servers = new RateLimits(Duration.ofMinutes(1), 10_000);

    Inbox(
            InboxChecks checks,
            CoalitionDirectory directory,
            Addresses addresses,
            Followers followers,
            Reactions reactions,
            RemoteActors actors,
            DomainBlocks blocks,
            RepliesAsComments replies,
            RemoteFollows following,
            AlliedPosts allied,
            ActivityDeliveries deliveries,
            JdbcClient jdbc,
            org.springframework.transaction.PlatformTransactionManager transactions,
            Clock clock) {
        this.checks = checks;
        this.directory = directory;
        this.addresses = addresses;
        this.followers = followers;
        this.reactions = reactions;
        this.actors = actors;
        this.blocks = blocks;
        this.replies = replies;
        this.following = following;
        this.allied = allied;
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Takes in an activity posted to an organization's inbox ({@code slug}) or to the shared one (null). Throws a
     * {@link DomainException} with the status to answer when it is refused.
     */
    public void receive(String slug, HttpSignatures.Request request) {
        if (slug != null) {
            directory.listed(slug); // an inbox of no actor is not found before anything is read
        }
        InboxChecks.Verified verified;
        try {
            var read = InboxChecks.read(request);
            var claimed = Activities.id(read.get("actor")).orElse("");
            // a blocked server is refused before its key is fetched or its signature checked
            if (blocks.blocked(DomainBlocks.host(claimed), null)) {
                throw new DomainException(403, "federation.blocked");
            }
            // a deleted account's server tells every server it ever met, signed with a key it no longer serves: one
            // never met here has nothing to delete, and is answered at once, as Mastodon does
            if (deletesItself(read, claimed) && !actors.known(claimed)) {
                return;
            }
            verified = checks.check(request, read);
        } catch (InboxChecks.Refused refused) {
            throw new DomainException(refused.status(), "federation.inbox-refused", refused.getMessage());
        }
        var server = URI.create(verified.actor().id()).getHost();
        long wait = servers.take(server == null ? "" : server, PER_SERVER_PER_MINUTE);
        if (wait > 0) {
            throw new DomainException(429, "federation.rate-limited", wait);
        }
        var activity = verified.activity();
        var type = Activities.types(activity).get(0);
        if (!HANDLED.contains(type)) {
            throw new DomainException(422, "federation.type-not-handled", type);
        }
        tx.executeWithoutResult(status -> {
            if (firstTime(activity, verified.actor(), type)) {
                act(type, verified.actor(), activity);
            }
        });
    }

    private static boolean deletesItself(JsonNode activity, String actor) {
        return Activities.hasType(activity, "Delete")
                && !actor.isEmpty()
                && actor.equals(Activities.id(activity.get("object")).orElse(null));
    }

    private static final java.util.Set<String> HANDLED =
            java.util.Set.of("Follow", "Undo", "Like", "Announce", "Delete", "Update", "Create", "Accept", "Reject");

    private boolean firstTime(JsonNode activity, RemoteActor actor, String type) {
        return jdbc.sql("""
                        insert into federation_inbox_activities (id, actor_id, type, received_at)
                        values (:id, :actor, :type, :now) on conflict (id) do nothing""")
                        .param("id", Activities.id(activity).orElseThrow())
                        .param("actor", actor.id())
                        .param("type", type)
                        .param("now", Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    private void act(String type, RemoteActor actor, JsonNode activity) {
        switch (type) {
            case "Follow" -> follow(actor, activity);
            case "Undo" -> undo(actor, activity);
            case "Like", "Announce" -> react(actor, activity, type);
            case "Delete" -> delete(actor, activity);
            case "Update" -> update(actor, activity);
            case "Create" -> {
                replies.created(actor, activity);
                allied.created(actor, activity);
            }
            case "Accept", "Reject" -> following.answered(actor, activity, type.equals("Accept"), clock.instant());
            default -> throw new IllegalStateException("not handled: " + type);
        }
    }

    private Organization organizationNamed(JsonNode activity) {
        var object = Activities.id(activity.get("object")).orElse(null);
        var slug = addresses.slugOfActor(object);
        if (slug == null) {
            throw new DomainException(422, "federation.not-our-actor", String.valueOf(object));
        }
        try {
            return directory.listed(slug);
        } catch (NotFoundException e) {
            throw new DomainException(404, "federation.not-our-actor", object);
        }
    }

    private void follow(RemoteActor actor, JsonNode follow) {
        var organization = organizationNamed(follow);
        var blocked = blocks.of(DomainBlocks.host(actor.id()), organization.id());
        if (blocked.filter(b -> b == DomainBlocks.Severity.BLOCK).isPresent()) {
            throw new DomainException(403, "federation.blocked");
        }
        boolean accepted = followers.follow(
                organization.id(),
                actor,
                Activities.id(follow).orElseThrow(),
                blocked.isEmpty() && !followers.manuallyApproved(organization.id()),
                clock.instant());
        if (accepted) {
            answer(
                    organization,
                    actor.id(),
                    actor.inbox(),
                    Activities.id(follow).orElseThrow(),
                    "Accept");
        }
    }

    /**
     * Answers a follow with an Accept or a Reject, queued to the follower's own inbox in the caller's transaction. The
     * Follow is sent back whole, as Mastodon and Mobilizon look for its id and actor in it.
     */
    void answer(Organization organization, String actorId, String inbox, String followId, String type) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("@context", "https://www.w3.org/ns/activitystreams");
        answer.put(
                "id",
                addresses.activity(
                        organization.slug(),
                        type.toLowerCase(java.util.Locale.ROOT) + "-" + Addresses.shortHash(followId)));
        answer.put("type", type);
        answer.put("actor", addresses.actor(organization.slug()));
        answer.put(
                "object",
                Map.of(
                        "id",
                        followId,
                        "type",
                        "Follow",
                        "actor",
                        actorId,
                        "object",
                        addresses.actor(organization.slug())));
        deliveries.queue(organization.id(), answer, java.util.List.of(inbox));
    }

    private void undo(RemoteActor actor, JsonNode undo) {
        var undone = Activities.id(undo.get("object")).orElse(null);
        if (undone == null) {
            throw new DomainException(422, "federation.undo-of-nothing");
        }
        if (!Activities.sameOrigin(undone, actor.id())) {
            throw new DomainException(403, "federation.inbox-refused", "an Undo of another server's activity");
        }
        var embedded = Activities.object(undo);
        if (embedded.isPresent() && Activities.hasType(embedded.get(), "Follow")) {
            var slug = addresses.slugOfActor(
                    Activities.id(embedded.get().get("object")).orElse(null));
            if (slug != null) {
                directory.bySlug(slug).ifPresent(o -> followers.remove(o.id(), actor.id()));
                return;
            }
        }
        if (followers.removeFollow(actor.id(), undone) == 0) {
            reactions.undo(actor.id(), undone);
        }
    }

    private void react(RemoteActor actor, JsonNode activity, String type) {
        var object = Activities.id(activity.get("object")).orElse(null);
        var host = DomainBlocks.host(actor.id());
        reactions.react(
                issuer -> blocks.of(host, issuer).isPresent(),
                actor.id(),
                Activities.id(activity).orElseThrow(),
                object,
                type.equals("Like") ? Reactions.Kind.LIKE : Reactions.Kind.ANNOUNCE,
                clock.instant());
    }

    private void delete(RemoteActor actor, JsonNode delete) {
        var deleted = Activities.id(delete.get("object")).orElse(null);
        if (actor.id().equals(deleted)) {
            followers.removeActor(actor.id());
            reactions.removeActor(actor.id());
            following.removeActor(actor.id());
            allied.forgetUnfollowed(actor.id());
            actors.forget(actor.id());
        } else if (deleted != null) {
            replies.deleted(actor, deleted);
            allied.deleted(actor, deleted);
        }
    }

    private void update(RemoteActor actor, JsonNode update) {
        var object = Activities.object(update);
        if (object.isEmpty()) {
            return;
        }
        if (!actor.id().equals(Activities.id(object.get()).orElse(null))) {
            allied.updated(actor, update); // a post of an actor followed from here, or nothing kept
            return;
        }
        try {
            var updated = RemoteActor.of(object.get());
            actors.keep(updated);
            followers.moved(updated);
        } catch (Activities.Unreadable e) {
            throw new DomainException(422, "federation.inbox-refused", e.getMessage());
        }
    }
}

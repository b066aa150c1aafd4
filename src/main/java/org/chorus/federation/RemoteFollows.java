package org.chorus.federation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.chorus.federation.activitystreams.Activities;
import org.chorus.federation.activitystreams.RemoteActor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The actors of other servers organizations here follow ({@code federation_following}): a Follow is queued to the
 * actor's inbox and waits for its Accept or Reject; an Undo of it ends the follow. Each Follow has an id of its own,
 * so a follow after an unfollow is a new one to the other server, which takes each activity once.
 */
@Component
class RemoteFollows {

    private final JdbcClient jdbc;
    private final Addresses addresses;
    private final ActivityDeliveries deliveries;

    RemoteFollows(JdbcClient jdbc, Addresses addresses, ActivityDeliveries deliveries) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.deliveries = deliveries;
    }

    /**
     * Follows the actor (again, if a follow was refused or ended), queuing the Follow in the caller's transaction.
     * Returns false, sending nothing, when the organization follows it already or waits for its answer.
     */
    boolean follow(Organization organization, RemoteActor actor, Instant now) {
        var followId = addresses.activity(organization.slug(), "follow-" + UUID.randomUUID());
        int changed = jdbc.sql("""
                        insert into federation_following (organization_id, actor_id, follow_id, state, created_at)
                        values (:o, :actor, :follow, 'pending', :now)
                        on conflict (organization_id, actor_id) do update
                            set follow_id = excluded.follow_id, state = 'pending', created_at = excluded.created_at,
                                answered_at = null
                          where federation_following.state = 'rejected'""")
                .param("o", organization.id().value())
                .param("actor", actor.id())
                .param("follow", followId)
                .param("now", Timestamp.from(now))
                .update();
        if (changed == 0) {
            return false;
        }
        deliveries.queue(organization.id(), follow(organization, actor.id(), followId), List.of(actor.inbox()));
        return true;
    }

    private Map<String, Object> follow(Organization organization, String actorId, String followId) {
        var follow = new LinkedHashMap<String, Object>();
        follow.put("@context", "https://www.w3.org/ns/activitystreams");
        follow.put("id", followId);
        follow.put("type", "Follow");
        follow.put("actor", addresses.actor(organization.slug()));
        follow.put("object", actorId);
        return follow;
    }

    /**
     * Stops following the actor, telling it with an Undo of the Follow (queued to its inbox, when Chorus still knows
     * it). Returns false when the organization did not follow it.
     */
    boolean unfollow(Organization organization, String actorId, String inbox) {
        var followId = jdbc.sql("""
                        delete from federation_following where organization_id = :o and actor_id = :actor
                        returning follow_id""")
                .param("o", organization.id().value())
                .param("actor", actorId)
                .query(String.class)
                .optional();
        if (followId.isEmpty()) {
            return false;
        }
        if (inbox != null) {
            var undo = new LinkedHashMap<String, Object>();
            undo.put("@context", "https://www.w3.org/ns/activitystreams");
            undo.put("id", followId.get() + "/undo");
            undo.put("type", "Undo");
            undo.put("actor", addresses.actor(organization.slug()));
            undo.put("object", follow(organization, actorId, followId.get()));
            deliveries.queue(organization.id(), undo, List.of(inbox));
        }
        return true;
    }

    /**
     * An Accept or Reject from the actor of a Follow sent from here, named by its id (embedded, as Mastodon and
     * Mobilizon send it, or by id alone). Returns whether it answered one of ours; an answer from another actor than
     * the one followed answers nothing.
     */
    boolean answered(RemoteActor actor, JsonNode answer, boolean accepted, Instant now) {
        var followId = Activities.id(answer.get("object")).orElse(null);
        if (followId == null) {
            return false;
        }
        return jdbc.sql("""
                                update federation_following set state = :state, answered_at = :now
                                 where follow_id = :follow and actor_id = :actor""")
                        .param("state", accepted ? "accepted" : "rejected")
                        .param("now", Timestamp.from(now))
                        .param("follow", followId)
                        .param("actor", actor.id())
                        .update()
                == 1;
    }

    /** Whether an organization here follows the actor, its follow accepted. */
    boolean followedByAnyone(String actorId) {
        return jdbc.sql("select exists (select 1 from federation_following where actor_id = :a and state = 'accepted')")
                .param("a", actorId)
                .query(Boolean.class)
                .single();
    }

    /** Whether the organization follows the actor (in any state). */
    Optional<FollowingElsewhere.State> state(OrganizationId organization, String actorId) {
        return jdbc.sql("select state from federation_following where organization_id = :o and actor_id = :a")
                .param("o", organization.value())
                .param("a", actorId)
                .query((rs, n) -> FollowingElsewhere.State.of(rs.getString(1)))
                .optional();
    }

    /** The actors the organization follows, newest first, with what Chorus kept of them. */
    List<FollowingElsewhere.Followed> of(OrganizationId organization) {
        return jdbc.sql("""
                        select f.actor_id, a.preferred_username, a.name, a.url, f.state, f.created_at
                          from federation_following f left join federation_remote_actors a on a.id = f.actor_id
                         where f.organization_id = :o
                         order by f.created_at desc, f.actor_id""")
                .param("o", organization.value())
                .query((rs, n) -> new FollowingElsewhere.Followed(
                        rs.getString("actor_id"),
                        ManagingFederation.handle(rs.getString("actor_id"), rs.getString("preferred_username")),
                        rs.getString("name"),
                        page(rs.getString("url"), rs.getString("actor_id")),
                        FollowingElsewhere.State.of(rs.getString("state")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** The page an actor's server gave, when it is a web address (a link never runs a script); else its id. */
    private static String page(String url, String actorId) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : actorId;
    }

    /** Forgets follows of an actor deleted on its server. */
    void removeActor(String actorId) {
        jdbc.sql("delete from federation_following where actor_id = :a")
                .param("a", actorId)
                .update();
    }
}

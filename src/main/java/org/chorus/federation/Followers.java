package org.chorus.federation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chorus.federation.activitystreams.RemoteActor;
import org.chorus.organizations.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who follows each organization from other servers ({@code federation_followers}), and whether owners approve them. */
@Component
class Followers {

    /** A remote actor following an organization, accepted or waiting for an owner's approval. */
    record Follower(
            OrganizationId organization,
            String actorId,
            String inbox,
            String deliverTo,
            String followId,
            boolean accepted,
            Instant since) {}

    private final JdbcClient jdbc;

    Followers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean manuallyApproved(OrganizationId organization) {
        return jdbc.sql("select manually_approves_followers from federation_settings where organization_id = :o")
                .param("o", organization.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void approveManually(OrganizationId organization, boolean manually) {
        jdbc.sql("""
                        insert into federation_settings (organization_id, manually_approves_followers) values (:o, :m)
                        on conflict (organization_id) do update set manually_approves_followers = excluded.manually_approves_followers""").param("o", organization.value()).param("m", manually).update();
    }

    long count(OrganizationId organization) {
        return jdbc.sql("select count(*) from federation_followers where organization_id = :o and state = 'accepted'")
                .param("o", organization.value())
                .query(Long.class)
                .single();
    }

    /**
     * Records a follow (again: servers repeat a Follow they think was lost, with a new id); a follower already accepted
     * stays accepted. Returns whether the follower is accepted now.
     */
    boolean follow(OrganizationId organization, RemoteActor actor, String followId, boolean accept, Instant now) {
        return jdbc.sql("""
                        insert into federation_followers
                            (organization_id, actor_id, inbox, deliver_to, follow_id, state, created_at)
                        values (:o, :actor, :inbox, :deliverTo, :follow, :state, :now)
                        on conflict (organization_id, actor_id) do update set
                            inbox = excluded.inbox, deliver_to = excluded.deliver_to, follow_id = excluded.follow_id,
                            state = case when federation_followers.state = 'accepted' then 'accepted'
                                         else excluded.state end
                        returning state""")
                .param("o", organization.value())
                .param("actor", actor.id())
                .param("inbox", actor.inbox())
                .param("deliverTo", actor.deliverTo())
                .param("follow", followId)
                .param("state", accept ? "accepted" : "pending")
                .param("now", Timestamp.from(now))
                .query(String.class)
                .single()
                .equals("accepted");
    }

    Optional<Follower> of(OrganizationId organization, String actorId) {
        return jdbc.sql("""
                        select organization_id, actor_id, inbox, deliver_to, follow_id, state, created_at
                          from federation_followers where organization_id = :o and actor_id = :actor""")
                .param("o", organization.value())
                .param("actor", actorId)
                .query(Followers::follower)
                .optional();
    }

    /** Those waiting for an owner's approval, oldest first. */
    List<Follower> pending(OrganizationId organization) {
        return jdbc.sql("""
                        select organization_id, actor_id, inbox, deliver_to, follow_id, state, created_at
                          from federation_followers where organization_id = :o and state = 'pending'
                         order by created_at, actor_id""")
                .param("o", organization.value())
                .query(Followers::follower)
                .list();
    }

    /** Accepts a pending follower; false when there was none (answered meanwhile, or the follow was undone). */
    boolean accept(OrganizationId organization, String actorId) {
        return jdbc.sql("""
                        update federation_followers set state = 'accepted'
                         where organization_id = :o and actor_id = :actor and state = 'pending'""")
                        .param("o", organization.value())
                        .param("actor", actorId)
                        .update()
                == 1;
    }

    /** Ends one follow; false when there was none. */
    boolean remove(OrganizationId organization, String actorId) {
        return jdbc.sql("delete from federation_followers where organization_id = :o and actor_id = :actor")
                        .param("o", organization.value())
                        .param("actor", actorId)
                        .update()
                == 1;
    }

    /** Ends the follow an actor made with this activity (an Undo that names only its id). */
    int removeFollow(String actorId, String followId) {
        return jdbc.sql("delete from federation_followers where actor_id = :actor and follow_id = :follow")
                .param("actor", actorId)
                .param("follow", followId)
                .update();
    }

    /** Ends every follow of an actor that was deleted on its server. */
    int removeActor(String actorId) {
        return jdbc.sql("delete from federation_followers where actor_id = :actor")
                .param("actor", actorId)
                .update();
    }

    /** An actor moved its inbox (an Update of itself): deliveries go to the new one. */
    void moved(RemoteActor actor) {
        jdbc.sql("update federation_followers set inbox = :inbox, deliver_to = :deliverTo where actor_id = :actor")
                .param("actor", actor.id())
                .param("inbox", actor.inbox())
                .param("deliverTo", actor.deliverTo())
                .update();
    }

    /** Where to deliver what the organization publishes: each accepted follower's inbox, a shared one once. */
    List<String> inboxes(OrganizationId organization) {
        return jdbc.sql("""
                        select distinct deliver_to from federation_followers
                         where organization_id = :o and state = 'accepted' order by deliver_to""")
                .param("o", organization.value())
                .query(String.class)
                .list();
    }

    private static Follower follower(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Follower(
                new OrganizationId((java.util.UUID) rs.getObject("organization_id")),
                rs.getString("actor_id"),
                rs.getString("inbox"),
                rs.getString("deliver_to"),
                rs.getString("follow_id"),
                "accepted".equals(rs.getString("state")),
                rs.getTimestamp("created_at").toInstant());
    }
}

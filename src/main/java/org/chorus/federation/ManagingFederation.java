package org.chorus.federation;

import java.time.Instant;
import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's owners and its followers on other servers: whether they approve followers by hand, the follows
 * waiting for them (approved with an Accept, refused with a Reject), and the followers, any of whom they may remove
 * (a Reject tells the follower's server, as Mastodon's "remove follower" does).
 */
@Service
public class ManagingFederation {

    /** The most followers the page lists, newest first; the count is always whole. */
    static final int LISTED = 200;

    /** A follower as owners see it: who (the actor's address, and its handle and name as its server gave them). */
    public record Follower(String actorId, String handle, String name, boolean accepted, Instant since) {}

    /** The owners' page: the organization, its setting, who waits, who follows. */
    public record Overview(
            Organization organization,
            String address,
            boolean manuallyApproves,
            long followerCount,
            List<Follower> pending,
            List<Follower> followers,
            List<AdministeringFederation.Blocked> blocks) {}

    private final ManagedOrganizations managed;
    private final Followers followers;
    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final Addresses addresses;
    private final DomainBlocks blocks;
    private final java.time.Clock clock;

    ManagingFederation(
            ManagedOrganizations managed,
            Followers followers,
            Inbox inbox,
            JdbcClient jdbc,
            Addresses addresses,
            DomainBlocks blocks,
            java.time.Clock clock) {
        this.blocks = blocks;
        this.clock = clock;
        this.addresses = addresses;
        this.managed = managed;
        this.followers = followers;
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    private Organization managed(Actor actor, String slug) {
        return managed.managed(actor, slug);
    }

    @Transactional(readOnly = true)
    public Overview overview(Actor actor, String slug) {
        var organization = managed(actor, slug);
        var listed = jdbc.sql("""
                        select f.actor_id, a.preferred_username, a.name, f.state = 'accepted' as accepted, f.created_at
                          from federation_followers f left join federation_remote_actors a on a.id = f.actor_id
                         where f.organization_id = :o
                         order by f.state = 'accepted', f.created_at desc, f.actor_id
                         limit :limit""")
                .param("o", organization.id().value())
                .param("limit", LISTED)
                .query((rs, n) -> new Follower(
                        rs.getString("actor_id"),
                        handle(rs.getString("actor_id"), rs.getString("preferred_username")),
                        rs.getString("name"),
                        rs.getBoolean("accepted"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        return new Overview(
                organization,
                "@" + organization.slug() + "@" + addresses.host(),
                followers.manuallyApproved(organization.id()),
                followers.count(organization.id()),
                listed.stream().filter(f -> !f.accepted()).toList(),
                listed.stream().filter(Follower::accepted).toList(),
                blocks.list(organization.id()).stream()
                        .map(AdministeringFederation.Blocked::of)
                        .toList());
    }

    /** {@code @name@host} from the actor's address and its preferred name; the address when it has none. */
    static String handle(String actorId, String preferredUsername) {
        try {
            var host = java.net.URI.create(actorId).getAuthority();
            return preferredUsername == null || host == null ? actorId : "@" + preferredUsername + "@" + host;
        } catch (IllegalArgumentException e) {
            return actorId;
        }
    }

    /**
     * Blocks or silences a server for this organization alone: blocking removes its follows of the organization;
     * 422 for what is not a domain name.
     */
    @Transactional
    public void block(Actor actor, String slug, String domain, boolean silence) {
        var organization = managed(actor, slug);
        blocks.block(
                DomainBlocks.domain(domain),
                organization.id(),
                silence ? DomainBlocks.Severity.SILENCE : DomainBlocks.Severity.BLOCK,
                "",
                clock.instant());
    }

    /** Lifts the organization's block of a server; 409 when there is none. */
    @Transactional
    public void unblock(Actor actor, String slug, String domain) {
        var organization = managed(actor, slug);
        if (!blocks.unblock(DomainBlocks.domain(domain), organization.id())) {
            throw DomainException.conflict("federation.not-blocked", domain);
        }
    }

    @Transactional
    public void approveManually(Actor actor, String slug, boolean manually) {
        followers.approveManually(managed(actor, slug).id(), manually);
    }

    /** Accepts a waiting follow; 409 when it waits no more (answered meanwhile, or undone). */
    @Transactional
    public void approve(Actor actor, String slug, String actorId) {
        var organization = managed(actor, slug);
        var follower = followers
                .of(organization.id(), actorId)
                .filter(f -> !f.accepted())
                .orElseThrow(() -> DomainException.conflict("federation.follow-not-waiting"));
        followers.accept(organization.id(), actorId);
        inbox.answer(organization, actorId, follower.inbox(), follower.followId(), "Accept");
    }

    /** Refuses a waiting follow or removes a follower, telling its server with a Reject; 409 when there is none. */
    @Transactional
    public void refuse(Actor actor, String slug, String actorId) {
        var organization = managed(actor, slug);
        var follower = followers
                .of(organization.id(), actorId)
                .orElseThrow(() -> DomainException.conflict("federation.follow-not-waiting"));
        followers.remove(organization.id(), actorId);
        inbox.answer(organization, actorId, follower.inbox(), follower.followId(), "Reject");
    }
}

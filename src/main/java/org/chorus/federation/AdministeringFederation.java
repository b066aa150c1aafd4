package org.chorus.federation;

import java.time.Clock;
import java.util.List;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.DomainException;
import org.chorus.shared.outbound.OutboundQueue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What site admins see and do of federation, on the admin page and with {@code chorus admin federation …}: followers
 * per organization, deliveries waiting, delivered and failed (with the latest failures), the servers blocked or
 * silenced for the whole site; blocking, lifting a block, and queuing failed deliveries again. Only site admins reach
 * it (the admin page is behind {@code /admin/**}, the command line is the operator's).
 */
@Service
public class AdministeringFederation {

    /** The organizations listed on the status page, most followed first. */
    static final int ORGANIZATIONS_LISTED = 50;

    static final int FAILURES_LISTED = 20;

    /** An organization's followers on other servers. */
    public record Followed(String slug, String name, long followers, long waiting) {}

    /** A block as the admin page lists it. */
    public record Blocked(String domain, String severity, String reason, java.time.Instant since) {
        static Blocked of(DomainBlocks.Block block) {
            return new Blocked(block.domain(), block.severity().column(), block.reason(), block.since());
        }
    }

    /** Everything the admin page shows. */
    public record Status(
            List<Followed> organizations,
            OutboundQueue.Counts deliveries,
            List<OutboundQueue.Failed> failures,
            List<Blocked> blocks) {}

    private final JdbcClient jdbc;
    private final OutboundQueue queue;
    private final DomainBlocks blocks;
    private final Clock clock;

    AdministeringFederation(JdbcClient jdbc, OutboundQueue queue, DomainBlocks blocks, Clock clock) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.blocks = blocks;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Status status() {
        var organizations = jdbc.sql("""
                        select o.slug, o.name,
                               count(*) filter (where f.state = 'accepted') as followers,
                               count(*) filter (where f.state = 'pending') as waiting
                          from federation_followers f join organizations o on o.id = f.organization_id
                         group by o.slug, o.name
                         order by followers desc, o.name
                         limit :limit""")
                .param("limit", ORGANIZATIONS_LISTED)
                .query((rs, n) -> new Followed(
                        rs.getString("slug"), rs.getString("name"), rs.getLong("followers"), rs.getLong("waiting")))
                .list();
        return new Status(
                organizations,
                queue.counts(FederationSigner.CHANNEL),
                queue.failures(FederationSigner.CHANNEL, FAILURES_LISTED),
                blocks());
    }

    public List<Blocked> blocks() {
        return blocks.list(null).stream().map(Blocked::of).toList();
    }

    /**
     * Blocks ({@code silence} false) or silences a domain for the whole site; returns the follows removed. 422 for
     * what is not a domain name.
     */
    @Transactional
    public int block(String domain, boolean silence, String reason) {
        return blocks.block(
                DomainBlocks.domain(domain),
                (OrganizationId) null,
                silence ? DomainBlocks.Severity.SILENCE : DomainBlocks.Severity.BLOCK,
                reason,
                clock.instant());
    }

    /** Lifts the site's block of a domain; 409 when there is none. */
    @Transactional
    public void unblock(String domain) {
        if (!blocks.unblock(DomainBlocks.domain(domain), null)) {
            throw DomainException.conflict("federation.not-blocked", domain);
        }
    }

    /** Queues failed deliveries again, to one domain's servers or to all; returns how many. */
    @Transactional
    public int retry(String domain) {
        return queue.retryFailed(FederationSigner.CHANNEL, domain == null ? null : DomainBlocks.domain(domain));
    }
}

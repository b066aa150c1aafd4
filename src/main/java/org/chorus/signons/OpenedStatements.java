package org.chorus.signons;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.chorus.shared.database.AfterCommit;
import org.chorus.shared.web.PublicPagesChanged;
import org.chorus.statements.StatementId;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements ever opened for sign-on (open or closed: their list stays), kept in memory so that rendering the page
 * of a statement never opened — nearly all of them — asks nothing of sign-ons (two queries fewer per page). Opening
 * one ({@link SignOnOpeningChanged}, as any committed change of public pages) forgets the set on this node; other nodes
 * read it again within {@link #KEPT}, as their page cache does.
 */
@Component
class OpenedStatements {

    static final Duration KEPT = Duration.ofSeconds(60);

    private record Kept(Set<UUID> statements, long generation, Instant readAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private volatile Kept kept;

    OpenedStatements(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the statement was ever opened for sign-on. */
    boolean opened(StatementId statement) {
        var now = clock.instant();
        var current = generation.get();
        var found = kept;
        if (found == null
                || found.generation() != current
                || !now.isBefore(found.readAt().plus(KEPT))) {
            var statements = Set.copyOf(jdbc.sql("select statement_id from signon_openings")
                    .query(UUID.class)
                    .list());
            // read before a change committed meanwhile: kept under the old generation, so read again next time
            found = new Kept(statements, current, now);
            kept = found;
        }
        return found.statements().contains(statement.value());
    }

    @EventListener
    void onChange(PublicPagesChanged event) {
        AfterCommit.nowAndAfterCommit(() -> {
            generation.incrementAndGet();
            kept = null;
        });
    }
}

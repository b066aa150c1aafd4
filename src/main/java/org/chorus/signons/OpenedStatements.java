package org.chorus.signons;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
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

    private final JdbcClient jdbc;
    private final KeptAWhile<Boolean, Set<UUID>> kept;

    OpenedStatements(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.kept = new KeptAWhile<>(clock, KEPT, 1);
    }

    /** Whether the statement was ever opened for sign-on. */
    boolean opened(StatementId statement) {
        return all().contains(statement.value());
    }

    /** Every statement ever opened for sign-on. */
    Set<UUID> all() {
        return kept.get(
                true,
                () -> Set.copyOf(jdbc.sql("select statement_id from signon_openings")
                        .query(UUID.class)
                        .list()));
    }

    @EventListener
    void onChange(PublicPagesChanged event) {
        AfterCommit.nowAndAfterCommit(kept::forget);
    }
}

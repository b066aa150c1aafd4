package org.chorus.federation;

import java.sql.Timestamp;
import java.time.Instant;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.DomainException;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Likes and boosts of public statements from other servers ({@code federation_reactions}): one of each kind per actor
 * and statement, removed by an Undo of the activity or when the actor is deleted; counted on the statement's page.
 */
@Component
class Reactions {

    enum Kind {
        LIKE,
        ANNOUNCE;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How many likes and boosts a statement has from other servers. */
    record Counts(long likes, long boosts) {}

    private final JdbcClient jdbc;
    private final ReadingStatements reading;
    private final Addresses addresses;

    Reactions(JdbcClient jdbc, ReadingStatements reading, Addresses addresses) {
        this.jdbc = jdbc;
        this.reading = reading;
        this.addresses = addresses;
    }

    /**
     * Counts a like or boost of the public statement at {@code object}, unless the actor's server is silenced for the
     * statement's issuer; 422 for anything that is not a public statement here.
     */
    void react(
            java.util.function.Predicate<OrganizationId> silencedFor,
            String actorId,
            String activityId,
            String object,
            Kind kind,
            Instant now) {
        var found = statementAt(object);
        if (silencedFor.test(found.issuer())) {
            return;
        }
        var statement = found.id();
        jdbc.sql("""
                        insert into federation_reactions (activity_id, actor_id, statement_id, kind, received_at)
                        values (:activity, :actor, :statement, :kind, :now) on conflict do nothing""")
                .param("activity", activityId)
                .param("actor", actorId)
                .param("statement", statement.value())
                .param("kind", kind.column())
                .param("now", Timestamp.from(now))
                .update();
    }

    private org.chorus.statements.Statement statementAt(String object) {
        var prefix = addresses.statement("");
        if (object == null || !object.startsWith(prefix) || object.length() == prefix.length()) {
            throw new DomainException(422, "federation.not-our-statement", String.valueOf(object));
        }
        return reading.publicStatement(object.substring(prefix.length()))
                .orElseThrow(() -> new DomainException(422, "federation.not-our-statement", object));
    }

    int undo(String actorId, String activityId) {
        return jdbc.sql("delete from federation_reactions where activity_id = :activity and actor_id = :actor")
                .param("activity", activityId)
                .param("actor", actorId)
                .update();
    }

    int removeActor(String actorId) {
        return jdbc.sql("delete from federation_reactions where actor_id = :actor")
                .param("actor", actorId)
                .update();
    }

    Counts of(StatementId statement) {
        return jdbc.sql("""
                        select count(*) filter (where kind = 'like'), count(*) filter (where kind = 'announce')
                          from federation_reactions where statement_id = :statement""")
                .param("statement", statement.value())
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)))
                .single();
    }
}

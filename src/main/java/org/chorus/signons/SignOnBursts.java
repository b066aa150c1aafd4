package org.chorus.signons;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.chorus.statements.StatementId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The unconfirmed sign-ons of a statement by where they came from (the keyed hash of their network prefix), for the
 * organizers' view of bursts, and their discarding. Only {@code PENDING} ones: a confirmed sign-on proved its address.
 */
@Repository
class SignOnBursts {

    private final JdbcClient jdbc;

    SignOnBursts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A group of unconfirmed sign-ons: what they share, how many, the first and the last. */
    record Group(String key, int count, Instant first, Instant last) {}

    /** An unconfirmed sign-on with its sealed data (for its address's domain). */
    record Pending(SignOnId id, byte[] personal, Instant at) {}

    /** The networks that sent at least {@code least} unconfirmed sign-ons since {@code since}, largest first. */
    List<Group> networks(StatementId statement, Instant since, int least, int limit) {
        return jdbc.sql("""
                        select network, count(*) as n, min(created_at) as first, max(created_at) as last
                        from signons where statement_id = :statement and status = 'PENDING' and created_at >= :since
                        group by network having count(*) >= :least
                        order by count(*) desc, network limit :limit""")
                .param("statement", statement.value())
                .param("since", Timestamp.from(since))
                .param("least", least)
                .param("limit", limit)
                .query((rs, n) -> new Group(
                        rs.getString("network"),
                        rs.getInt("n"),
                        rs.getTimestamp("first").toInstant(),
                        rs.getTimestamp("last").toInstant()))
                .list();
    }

    /** The most recent {@code limit} unconfirmed sign-ons since {@code since}, newest first. */
    List<Pending> pending(StatementId statement, Instant since, int limit) {
        return jdbc.sql("""
                        select id, personal, created_at from signons
                        where statement_id = :statement and status = 'PENDING' and created_at >= :since
                        order by created_at desc limit :limit""")
                .param("statement", statement.value())
                .param("since", Timestamp.from(since))
                .param("limit", limit)
                .query((rs, n) -> new Pending(
                        new SignOnId(rs.getObject("id", UUID.class)),
                        rs.getBytes("personal"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Deletes the unconfirmed sign-ons of one network since {@code since}; returns their confirmation token hashes. */
    List<String> discardNetwork(StatementId statement, String network, Instant since) {
        return jdbc.sql("""
                        delete from signons
                        where statement_id = :statement and status = 'PENDING' and network = :network
                            and created_at >= :since
                        returning confirm_token_hash""")
                .param("statement", statement.value())
                .param("network", network)
                .param("since", Timestamp.from(since))
                .query(String.class)
                .list();
    }

    /** Deletes those of these sign-ons that are still unconfirmed; returns their confirmation token hashes. */
    List<String> discard(StatementId statement, Collection<SignOnId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        delete from signons
                        where statement_id = :statement and status = 'PENDING' and id in (:ids)
                        returning confirm_token_hash""")
                .param("statement", statement.value())
                .param("ids", ids.stream().map(SignOnId::value).toList())
                .query(String.class)
                .list();
    }
}

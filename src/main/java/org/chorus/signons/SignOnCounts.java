package org.chorus.signons;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.statements.StatementId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code signon_counts}: written by the count job alone, read by every page that shows totals. */
@Repository
class SignOnCounts {

    private final JdbcClient jdbc;

    SignOnCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether this transaction may count: false while another one (another node, or a run that outlasted its
     * interval) holds the count lock, which this one keeps until it ends.
     */
    boolean lock() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtext('signons.count'))")
                .query(Boolean.class)
                .single());
    }

    /**
     * Clears the marks of closed openings whose sign-ons changed ({@link SignOns#MARKING_CLOSED_OPENINGS}) and returns
     * their statements, to be counted next in this transaction. A change committing meanwhile marks its opening again.
     */
    List<UUID> takeMarked() {
        return jdbc.sql("update signon_openings set recount = false where recount returning statement_id")
                .query(UUID.class)
                .list();
    }

    /**
     * Counts again, from the sign-ons themselves, every statement whose numbers can still change (its sign-on open,
     * or ended less than its retention period ago) and those {@code marked} (a sign-on of a closed opening changed),
     * and writes the totals that differ from those kept; returns the statements whose totals changed (not those
     * counted for the first time with nothing yet, whose pages showed zeros already). Running it twice counts nothing
     * twice.
     */
    List<StatementId> recount(Instant now, List<UUID> marked) {
        return jdbc
                .sql("""
                        with live as (
                            select statement_id from signon_openings
                            where status = 'OPEN' or closed_at > cast(:now as timestamptz) - retention_days * interval '1 day'
                                or statement_id = any(:marked)
                        ), fresh as (
                            select l.statement_id,
                                (select count(*) from signons s where s.statement_id = l.statement_id
                                    and s.status = 'APPROVED' and s.kind = 'ORGANIZATION') as organizations,
                                (select count(distinct s.country) from signons s where s.statement_id = l.statement_id
                                    and s.status = 'APPROVED' and s.kind = 'ORGANIZATION') as countries,
                                (select count(*) from signons s where s.statement_id = l.statement_id
                                    and s.status = 'APPROVED' and s.kind = 'PERSON') as people
                            from live l
                        )
                        insert into signon_counts as c (statement_id, organizations, countries, people, refreshed_at)
                        select statement_id, organizations, countries, people, :now from fresh
                        on conflict (statement_id) do update
                            set organizations = excluded.organizations, countries = excluded.countries,
                                people = excluded.people, refreshed_at = excluded.refreshed_at
                            where (c.organizations, c.countries, c.people)
                                is distinct from (excluded.organizations, excluded.countries, excluded.people)
                        returning statement_id, xmax = 0 as inserted, organizations + people as listed""")
                .param("now", Timestamp.from(now))
                .param("marked", marked.toArray(UUID[]::new))
                .query((rs, n) -> rs.getBoolean("inserted") && rs.getInt("listed") == 0
                        ? null // first counted with nothing yet: the pages showed zeros already
                        : new StatementId(rs.getObject("statement_id", UUID.class)))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** The totals of a statement opened for sign-on (zeros until first counted), with its opening's choices. */
    Optional<SignOnTotals> totals(StatementId statement, Instant now) {
        return jdbc.sql("""
                        select coalesce(c.organizations, 0) as organizations, coalesce(c.countries, 0) as countries,
                            coalesce(c.people, 0) as people, o.who_may_sign,
                            o.status = 'OPEN' and (o.closes_at is null or o.closes_at > :now) as accepting
                        from signon_openings o left join signon_counts c on c.statement_id = o.statement_id
                        where o.statement_id = :id""")
                .param("id", statement.value())
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new SignOnTotals(
                        rs.getInt("organizations"),
                        rs.getInt("countries"),
                        rs.getInt("people"),
                        WhoMaySign.valueOf(rs.getString("who_may_sign")),
                        rs.getBoolean("accepting")))
                .optional();
    }

    /** The totals of those of these statements that were opened for sign-on, in one query (for a feed's page). */
    java.util.Map<StatementId, SignOnTotals> totals(java.util.Collection<StatementId> statements, Instant now) {
        if (statements.isEmpty()) {
            return java.util.Map.of();
        }
        var totals = new java.util.HashMap<StatementId, SignOnTotals>();
        jdbc.sql("""
                        select o.statement_id, coalesce(c.organizations, 0) as organizations,
                            coalesce(c.countries, 0) as countries, coalesce(c.people, 0) as people, o.who_may_sign,
                            o.status = 'OPEN' and (o.closes_at is null or o.closes_at > :now) as accepting
                        from signon_openings o left join signon_counts c on c.statement_id = o.statement_id
                        where o.statement_id in (:ids)""")
                .param("ids", statements.stream().map(StatementId::value).toList())
                .param("now", Timestamp.from(now))
                .query(rs -> {
                    totals.put(
                            new StatementId(rs.getObject("statement_id", UUID.class)),
                            new SignOnTotals(
                                    rs.getInt("organizations"),
                                    rs.getInt("countries"),
                                    rs.getInt("people"),
                                    WhoMaySign.valueOf(rs.getString("who_may_sign")),
                                    rs.getBoolean("accepting")));
                });
        return totals;
    }
}

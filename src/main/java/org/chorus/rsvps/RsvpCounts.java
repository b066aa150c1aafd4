package org.chorus.rsvps;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.chorus.actions.ActionId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code rsvp_counts}: written by the count job alone, read by every action page. */
@Repository
class RsvpCounts {

    private final JdbcClient jdbc;

    RsvpCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this transaction may count: false while another run (another node) holds the lock. */
    boolean lock() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtext('rsvps.count'))")
                .query(Boolean.class)
                .single());
    }

    /**
     * Clears the marks of the actions whose RSVPs changed and returns them, to be counted next in this transaction. A
     * change committing meanwhile marks its action again, for the next run.
     */
    List<UUID> takeMarked() {
        return jdbc.sql("update rsvp_settings set recount = false where recount returning action_id")
                .query(UUID.class)
                .list();
    }

    /**
     * Counts these actions again from their RSVPs (people going, guests included) and writes the totals that differ;
     * returns the actions whose totals changed. A recount, never an increment: a run repeated counts nothing twice.
     */
    List<ActionId> recount(List<UUID> actions, Instant now) {
        if (actions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        insert into rsvp_counts as c (action_id, going, refreshed_at)
                        select a.id, coalesce((select sum(1 + r.guests) from rsvps r
                            where r.action_id = a.id and r.status = 'GOING'), 0), :now
                        from unnest(cast(:ids as uuid[])) as a(id)
                        on conflict (action_id) do update set going = excluded.going, refreshed_at = excluded.refreshed_at
                            where c.going <> excluded.going
                        returning action_id""")
                .param("ids", actions.toArray(UUID[]::new))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new ActionId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** People going to the action, guests included, as last counted (zero before the first count). */
    int going(ActionId action) {
        return jdbc.sql("select going from rsvp_counts where action_id = :a")
                .param("a", action.value())
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** People going to each of these actions, guests included, as last counted (absent before the first count). */
    java.util.Map<ActionId, Integer> going(java.util.Collection<ActionId> actions) {
        var found = new java.util.HashMap<ActionId, Integer>();
        if (actions.isEmpty()) {
            return found;
        }
        jdbc.sql("select action_id, going from rsvp_counts where action_id = any(:a)")
                .param("a", actions.stream().map(ActionId::value).toArray(UUID[]::new))
                .query(rs -> {
                    found.put(new ActionId(rs.getObject(1, UUID.class)), rs.getInt(2));
                });
        return found;
    }
}

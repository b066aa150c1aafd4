package org.chorus.turnout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.chorus.actions.ActionId;
import org.chorus.campaigns.CampaignId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code turnout_reports}, {@code turnout_photos} and {@code turnout_requests}. */
@Repository
class TurnoutReports {

    private final JdbcClient jdbc;

    TurnoutReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The report and its photos in order, in one query. */
    Optional<TurnoutReport> byAction(ActionId action) {
        return read(action, "");
    }

    /** The same, the report's row locked until the transaction ends (two saves of one report wait in turn). */
    Optional<TurnoutReport> byActionForUpdate(ActionId action) {
        return read(action, " for update of r");
    }

    private Optional<TurnoutReport> read(ActionId action, String lock) {
        var rows = jdbc.sql("""
                        select r.action_id, r.campaign_id, r.campaign_slug, r.country, r.day, r.participants, r.body,
                               r.hidden, r.created_at, r.updated_at,
                               p.id as photo, p.position, p.width, p.height, p.caption
                        from turnout_reports r left join turnout_photos p on p.action_id = r.action_id
                        where r.action_id = :action order by p.position, p.id""" + lock)
                .param("action", action.value())
                .query((rs, n) -> new Row(report(rs), photo(rs)))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        var photos = rows.stream().map(Row::photo).filter(p -> p != null).toList();
        var first = rows.getFirst().report();
        return Optional.of(new TurnoutReport(
                first.action(),
                first.campaign(),
                first.campaignSlug(),
                first.country(),
                first.day(),
                first.participants(),
                first.body(),
                first.hidden(),
                first.createdAt(),
                first.updatedAt(),
                photos));
    }

    private record Row(TurnoutReport report, TurnoutPhoto photo) {}

    /** Who filed the report last, sealed (null once forgotten). */
    Optional<byte[]> filedBy(ActionId action) {
        return jdbc.sql("select filed_by from turnout_reports where action_id = :action and filed_by is not null")
                .param("action", action.value())
                .query(byte[].class)
                .optional();
    }

    void save(TurnoutReport report, byte[] filedBy, Instant forgetAt) {
        jdbc.sql("""
                        insert into turnout_reports (action_id, campaign_id, campaign_slug, country, day, participants,
                                                     body, filed_by, forget_at, created_at, updated_at)
                        values (:action, :campaign, :slug, :country, :day, :participants, :body, :filedBy, :forgetAt,
                                :now, :now)
                        on conflict (action_id) do update set participants = excluded.participants,
                            body = excluded.body, filed_by = excluded.filed_by, forget_at = excluded.forget_at,
                            country = excluded.country, day = excluded.day, updated_at = excluded.updated_at""")
                .param("action", report.action().value())
                .param("campaign", report.campaign().value())
                .param("slug", report.campaignSlug())
                .param("country", report.country())
                .param("day", report.day())
                .param("participants", report.participants())
                .param("body", report.body())
                .param("filedBy", filedBy)
                .param("forgetAt", Timestamp.from(forgetAt))
                .param("now", Timestamp.from(report.updatedAt()))
                .update();
    }

    void insertPhoto(ActionId action, TurnoutPhoto photo, byte[] uploadedBy, Instant now) {
        jdbc.sql("""
                        insert into turnout_photos (id, action_id, position, width, height, format, store_key, caption,
                                                    uploaded_by, created_at)
                        values (:id, :action, :position, :width, :height, 'jpg', :key, :caption, :by, :now)""")
                .param("id", photo.id())
                .param("action", action.value())
                .param("position", photo.position())
                .param("width", photo.width())
                .param("height", photo.height())
                .param("key", photo.storeKey())
                .param("caption", photo.caption())
                .param("by", uploadedBy)
                .param("now", Timestamp.from(now))
                .update();
    }

    void deletePhoto(ActionId action, UUID photo) {
        jdbc.sql("delete from turnout_photos where action_id = :action and id = :id")
                .param("action", action.value())
                .param("id", photo)
                .update();
    }

    boolean setHidden(ActionId action, boolean hidden, Instant now) {
        return jdbc.sql("update turnout_reports set hidden = :hidden, updated_at = :now where action_id = :action")
                        .param("hidden", hidden)
                        .param("now", Timestamp.from(now))
                        .param("action", action.value())
                        .update()
                > 0;
    }

    /** A photo as served: where its bytes are, and the report it belongs to. */
    record StoredPhoto(ActionId action, String storeKey, boolean hidden) {}

    Optional<StoredPhoto> photo(UUID id) {
        return jdbc.sql("""
                        select p.action_id, p.store_key, r.hidden
                        from turnout_photos p join turnout_reports r on r.action_id = p.action_id where p.id = :id""")
                .param("id", id)
                .query((rs, n) -> new StoredPhoto(
                        new ActionId(rs.getObject("action_id", UUID.class)),
                        rs.getString("store_key"),
                        rs.getBoolean("hidden")))
                .optional();
    }

    /**
     * The campaign's visible reports counted and summed by country, by day and in all, in one grouped query on
     * {@code turnout_reports_totals}.
     */
    TurnoutTotals totals(CampaignId campaign) {
        var byCountry = new ArrayList<TurnoutTotals.ByCountry>();
        var byDay = new ArrayList<TurnoutTotals.ByDay>();
        var all = new long[2];
        jdbc.sql("""
                        select country, day, count(*) as reports, coalesce(sum(participants), 0) as participants,
                               grouping(country) as no_country, grouping(day) as no_day
                        from turnout_reports where campaign_id = :campaign and not hidden
                        group by grouping sets ((country), (day), ())
                        order by no_country, no_day, participants desc, country, day""").param("campaign", campaign.value()).query(rs -> {
            int reports = rs.getInt("reports");
            long participants = rs.getLong("participants");
            boolean noCountry = rs.getInt("no_country") == 1;
            boolean noDay = rs.getInt("no_day") == 1;
            if (noCountry && noDay) {
                all[0] = reports;
                all[1] = participants;
            } else if (noDay) {
                byCountry.add(new TurnoutTotals.ByCountry(rs.getString("country"), reports, participants));
            } else {
                byDay.add(new TurnoutTotals.ByDay(rs.getObject("day", LocalDate.class), reports, participants));
            }
        });
        byDay.sort(java.util.Comparator.comparing(TurnoutTotals.ByDay::day));
        return new TurnoutTotals((int) all[0], all[1], byCountry, byDay);
    }

    /** Of these actions, those whose host was asked for a report already. */
    Set<ActionId> asked(Collection<ActionId> actions) {
        if (actions.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select action_id from turnout_requests where action_id in (:actions)")
                .param("actions", actions.stream().map(ActionId::value).toList())
                .query((rs, n) -> new ActionId(rs.getObject("action_id", UUID.class)))
                .list());
    }

    /** Records that the host is asked; false when another run did it first (the letter is then not sent again). */
    boolean recordRequest(ActionId action, Instant now, String tokenHash, Instant expiresAt) {
        return jdbc.sql("""
                                insert into turnout_requests (action_id, asked_at, token_hash, expires_at)
                                values (:action, :now, :token, :expires) on conflict (action_id) do nothing""")
                        .param("action", action.value())
                        .param("now", Timestamp.from(now))
                        .param("token", tokenHash)
                        .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                        .update()
                > 0;
    }

    /** The action a report link opens, while it is good. */
    Optional<ActionId> byToken(String tokenHash, Instant now) {
        return jdbc.sql("select action_id from turnout_requests where token_hash = :token and expires_at > :now")
                .param("token", tokenHash)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new ActionId(rs.getObject("action_id", UUID.class)))
                .optional();
    }

    /** Forgets who filed reports and uploaded photos once due, and spent report links; returns how many rows changed. */
    int forget(Instant now) {
        var at = Timestamp.from(now);
        int photos = jdbc.sql("""
                        update turnout_photos set uploaded_by = null where uploaded_by is not null and action_id in
                            (select action_id from turnout_reports where forget_at <= :now)""").param("now", at).update();
        int reports = jdbc.sql(
                        "update turnout_reports set filed_by = null where filed_by is not null and forget_at <= :now")
                .param("now", at)
                .update();
        int links = jdbc.sql(
                        "update turnout_requests set token_hash = null, expires_at = null where expires_at <= :now")
                .param("now", at)
                .update();
        return photos + reports + links;
    }

    private static TurnoutReport report(ResultSet rs) throws SQLException {
        return new TurnoutReport(
                new ActionId(rs.getObject("action_id", UUID.class)),
                new CampaignId(rs.getObject("campaign_id", UUID.class)),
                rs.getString("campaign_slug"),
                rs.getString("country"),
                rs.getObject("day", LocalDate.class),
                rs.getInt("participants"),
                rs.getString("body"),
                rs.getBoolean("hidden"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                List.of());
    }

    private static TurnoutPhoto photo(ResultSet rs) throws SQLException {
        var id = rs.getObject("photo", UUID.class);
        return id == null
                ? null
                : new TurnoutPhoto(
                        id, rs.getInt("position"), rs.getInt("width"), rs.getInt("height"), rs.getString("caption"));
    }
}

package org.chorus.actions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.campaigns.ActionKind;
import org.chorus.campaigns.CampaignId;
import org.chorus.organizations.OrganizationId;
import org.chorus.places.BoundingBox;
import org.chorus.places.GridCells;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code actions} table. */
@Repository
class Actions {

    private static final String COLUMNS = """
            a.id, a.campaign_id, a.campaign_slug, a.host_id, a.organization_id, a.kind, a.title, a.description,
            a.description_html, a.time_zone, a.starts_local, a.ends_local, a.online_url, a.venue, a.address, a.city_id,
            a.city_name, a.country, a.latitude, a.longitude, a.city_latitude, a.city_longitude, a.approximate,
            a.accessibility, a.status, a.rejection_reason, a.cancelled, a.flagship, a.sequence, a.new_host,
            a.created_at, a.updated_at, a.reveal_hours, a.approved_at""";

    /** Public lists and maps: approved actions (cancelled ones stay listed, marked, but leave the map). */
    private static final String LISTED = "a.campaign_id = :campaign and a.status = 'APPROVED'";

    private final JdbcClient jdbc;

    Actions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Action> byId(ActionId id) {
        return jdbc.sql("select " + COLUMNS + " from actions a where a.id = :id")
                .param("id", id.value())
                .query(Actions::action)
                .optional();
    }

    /** The action, locked until the transaction ends (the host's edit and the organizers' decision wait in turn). */
    Optional<Action> byIdForUpdate(ActionId id) {
        return jdbc.sql("select " + COLUMNS + " from actions a where a.id = :id for update")
                .param("id", id.value())
                .query(Actions::action)
                .optional();
    }

    /** These actions of the campaign, locked, in a stable order (bulk approval). */
    List<Action> forUpdate(CampaignId campaign, Collection<ActionId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select " + COLUMNS
                                + " from actions a where a.campaign_id = :campaign and a.id = any(:ids) order by a.id for update")
                .param("campaign", campaign.value())
                .param("ids", ids.stream().map(ActionId::value).toArray(UUID[]::new))
                .query(Actions::action)
                .list();
    }

    /** Whether the host already has an approved action under the campaign (else they are a "new host"). */
    boolean hasApproved(CampaignId campaign, AccountId host) {
        return jdbc.sql("select exists (select 1 from actions where campaign_id = :campaign and host_id = :host"
                        + " and status = 'APPROVED')")
                .param("campaign", campaign.value())
                .param("host", host.value())
                .query(Boolean.class)
                .single();
    }

    void insert(Action action) {
        jdbc.sql("""
                        insert into actions (id, campaign_id, campaign_slug, host_id, organization_id, kind, title,
                            description, description_html, time_zone, starts_local, ends_local, starts_at, ends_at, day,
                            online_url, venue, address, city_id, city_name, country, latitude, longitude,
                            city_latitude, city_longitude, map_latitude, map_longitude, approximate, accessibility,
                            status, rejection_reason, cancelled, flagship, sequence, new_host, created_at, updated_at,
                            reveal_hours, approved_at)
                        values (:id, :campaign, :campaignSlug, :host, :organization, :kind, :title,
                            :description, :html, :zone, :startsLocal, :endsLocal, :startsAt, :endsAt, :day,
                            :online, :venue, :address, :city, :cityName, :country, :latitude, :longitude,
                            :cityLatitude, :cityLongitude, :mapLatitude, :mapLongitude, :approximate, :accessibility,
                            :status, :reason, :cancelled, :flagship, :sequence, :newHost, :created, :updated,
                            :revealHours, :approved)
                        """)
                .params(parameters(action))
                .param("campaign", action.campaign().value())
                .param("campaignSlug", action.campaignSlug())
                .param("host", action.host() == null ? null : action.host().value())
                .param("newHost", action.newHost())
                .param("created", Timestamp.from(action.createdAt()))
                .update();
    }

    /** Stores what may change: the details, the organizers' decision, cancellation, flagship and sequence. */
    void update(Action action) {
        jdbc.sql("""
                        update actions set organization_id = :organization, kind = :kind, title = :title,
                            description = :description, description_html = :html, time_zone = :zone,
                            starts_local = :startsLocal, ends_local = :endsLocal, starts_at = :startsAt,
                            ends_at = :endsAt, day = :day, online_url = :online, venue = :venue, address = :address,
                            city_id = :city, city_name = :cityName, country = :country, latitude = :latitude,
                            longitude = :longitude, city_latitude = :cityLatitude, city_longitude = :cityLongitude,
                            map_latitude = :mapLatitude, map_longitude = :mapLongitude, approximate = :approximate,
                            accessibility = :accessibility, status = :status, rejection_reason = :reason,
                            cancelled = :cancelled, flagship = :flagship, sequence = :sequence, updated_at = :updated,
                            reveal_hours = :revealHours, approved_at = :approved
                        where id = :id
                        """).params(parameters(action)).update();
    }

    private static Map<String, Object> parameters(Action a) {
        var d = a.details();
        var place = d.place();
        var values = new HashMap<String, Object>();
        values.put("id", a.id().value());
        values.put(
                "organization",
                d.organization() == null ? null : d.organization().value());
        values.put("kind", d.kind().name());
        values.put("title", d.title());
        values.put("description", d.description());
        values.put("html", d.storedHtml());
        values.put("zone", d.zone().getId());
        values.put("startsLocal", d.start().toLocalDateTime());
        values.put("endsLocal", d.end().toLocalDateTime());
        values.put("startsAt", Timestamp.from(d.start().toInstant()));
        values.put("endsAt", Timestamp.from(d.end().toInstant()));
        values.put("day", d.start().toLocalDate());
        values.put("online", d.onlineUrl());
        values.put("venue", place == null ? null : place.venue());
        values.put("address", place == null ? null : place.address());
        values.put("city", place == null ? null : place.cityId());
        values.put("cityName", place == null ? null : place.cityName());
        values.put("country", place == null ? "" : place.country());
        values.put("latitude", place == null ? null : place.latitude());
        values.put("longitude", place == null ? null : place.longitude());
        values.put("cityLatitude", place == null ? null : place.cityLatitude());
        values.put("cityLongitude", place == null ? null : place.cityLongitude());
        values.put("mapLatitude", place == null ? null : a.mapLatitude());
        values.put("mapLongitude", place == null ? null : a.mapLongitude());
        values.put("approximate", d.approximate());
        values.put("accessibility", d.accessibility());
        values.put("revealHours", d.revealHours());
        values.put("status", a.status().name());
        values.put("reason", a.rejectionReason());
        values.put("cancelled", a.cancelled());
        values.put("flagship", a.flagship());
        values.put("sequence", a.sequence());
        values.put("updated", Timestamp.from(a.updatedAt()));
        values.put("approved", a.approvedAt() == null ? null : Timestamp.from(a.approvedAt()));
        return values;
    }

    /**
     * A page of the campaign's approved actions by day, then country, then start, after a cursor's place;
     * {@code filter} narrows it by kind, day, country.
     */
    List<Action> listed(CampaignId campaign, ActionFilter filter, ActionCursor after, int limit) {
        return listed(campaign, filter, null, after, limit);
    }

    /**
     * The same page narrowed to a box of the map (null: anywhere), by where public maps put each action (an online
     * action has no place there, so none is in a box).
     */
    List<Action> listed(CampaignId campaign, ActionFilter filter, BoundingBox box, ActionCursor after, int limit) {
        return inStatus(campaign, ActionStatus.APPROVED, filter, false, box, after, limit);
    }

    /**
     * A page of the campaign's actions in one status in the list's order (its index), narrowed by the filter
     * ({@code moderation}: with the organizers' "new hosts") and a box of the map (null: anywhere).
     */
    List<Action> inStatus(
            CampaignId campaign,
            ActionStatus status,
            ActionFilter filter,
            boolean moderation,
            BoundingBox box,
            ActionCursor after,
            int limit) {
        var sql = new StringBuilder(
                "select " + COLUMNS + " from actions a where a.campaign_id = :campaign" + " and a.status = :status");
        var params = new HashMap<String, Object>();
        params.put("campaign", campaign.value());
        params.put("status", status.name());
        filter.where(sql, params, moderation);
        if (box != null) {
            var parts = box.parts();
            sql.append(" and (");
            for (int i = 0; i < parts.size(); i++) {
                var part = parts.get(i);
                sql.append(i == 0 ? "" : " or ")
                        .append("(a.map_latitude between :south%1$d and :north%1$d".formatted(i))
                        .append(" and a.map_longitude between :west%1$d and :east%1$d)".formatted(i));
                params.put("south" + i, part.south());
                params.put("north" + i, part.north());
                params.put("west" + i, part.west());
                params.put("east" + i, part.east());
            }
            sql.append(")");
        }
        if (after != null) {
            sql.append(
                    " and (a.day, a.country, a.starts_at, a.id) > (:afterDay, :afterCountry, :afterStart, :afterId)");
            params.put("afterDay", after.day());
            params.put("afterCountry", after.country());
            params.put("afterStart", Timestamp.from(after.startsAt()));
            params.put("afterId", after.id());
        }
        sql.append(" order by a.day, a.country, a.starts_at, a.id limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(Actions::action).list();
    }

    /**
     * A page of the approved actions of these campaigns (cancelled ones included), soonest first, {@code offset} rows
     * in (indexes actions_approved_by_start and actions_campaign_by_start).
     */
    List<Action> approvedAmong(Collection<CampaignId> campaigns, long offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from actions a where a.status = 'APPROVED'"
                        + " and a.campaign_id = any(:campaigns) order by a.starts_at, a.id offset :offset limit :limit")
                .param("campaigns", campaigns.stream().map(CampaignId::value).toArray(UUID[]::new))
                .param("offset", offset)
                .param("limit", limit)
                .query(Actions::action)
                .list();
    }

    /** How many approved actions these campaigns have, cancelled ones included. */
    long countApprovedAmong(Collection<CampaignId> campaigns) {
        return jdbc.sql(
                        "select count(*) from actions a where a.status = 'APPROVED' and a.campaign_id = any(:campaigns)")
                .param("campaigns", campaigns.stream().map(CampaignId::value).toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }

    /** Every approved action of the campaign, for its calendar (a bounded number, soonest first). */
    List<Action> calendar(CampaignId campaign, int limit) {
        return jdbc.sql("select " + COLUMNS + " from actions a where " + LISTED
                        + " order by a.starts_at, a.id limit :limit")
                .param("campaign", campaign.value())
                .param("limit", limit)
                .query(Actions::action)
                .list();
    }

    /** Approved actions, not cancelled, that ended in {@code [from, to)}, the earliest first (index actions_ended). */
    List<Action> endedBetween(java.time.Instant from, java.time.Instant to, int limit) {
        return jdbc.sql("select " + COLUMNS + " from actions a where a.status = 'APPROVED' and not a.cancelled"
                        + " and a.ends_at >= :from and a.ends_at < :to order by a.ends_at, a.id limit :limit")
                .param("from", java.sql.Timestamp.from(from))
                .param("to", java.sql.Timestamp.from(to))
                .param("limit", limit)
                .query(Actions::action)
                .list();
    }

    /** The approved actions the organization hosts, under any campaign, the latest {@code limit} of them. */
    List<Action> hostedBy(OrganizationId organization, int limit) {
        return jdbc.sql("select " + COLUMNS + " from actions a where a.organization_id = :organization"
                        + " and a.status = 'APPROVED' order by a.starts_at desc, a.id limit :limit")
                .param("organization", organization.value())
                .param("limit", limit)
                .query(Actions::action)
                .list();
    }

    /** Whether the organization hosts any approved action. */
    boolean hostsAny(OrganizationId organization) {
        return jdbc.sql("select exists (select 1 from actions a where a.organization_id = :organization"
                        + " and a.status = 'APPROVED')")
                .param("organization", organization.value())
                .query(Boolean.class)
                .single();
    }

    /** The campaign's approved actions (cancelled ones left out) counted by kind and by country, in one query. */
    Counts counts(CampaignId campaign) {
        var byKind = new java.util.EnumMap<ActionKind, Long>(ActionKind.class);
        var byCountry = new java.util.LinkedHashMap<String, Long>();
        jdbc.sql("""
                        select kind, country, count(*) as n from actions a
                        where a.campaign_id = :campaign and a.status = 'APPROVED' and not a.cancelled
                        group by grouping sets ((kind), (country))
                        order by n desc, kind, country
                        """)
                .param("campaign", campaign.value())
                .query((rs, i) -> {
                    var kind = rs.getString("kind");
                    if (kind != null) {
                        byKind.put(ActionKind.valueOf(kind), rs.getLong("n"));
                    } else {
                        byCountry.put(rs.getString("country"), rs.getLong("n"));
                    }
                    return null;
                })
                .list();
        return new Counts(byKind, byCountry);
    }

    /** Approved actions counted by kind and by country ('' is online). */
    record Counts(Map<ActionKind, Long> byKind, Map<String, Long> byCountry) {
        long total() {
            return byKind.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A page of the moderation queue: waiting actions, oldest first, filtered, after a cursor's place. */
    List<Action> queue(CampaignId campaign, ActionFilter filter, QueueCursor after, int limit) {
        var sql = new StringBuilder(
                "select " + COLUMNS + " from actions a where a.campaign_id = :campaign and a.status = 'PENDING'");
        var params = new HashMap<String, Object>();
        params.put("campaign", campaign.value());
        filter.where(sql, params, true);
        if (after != null) {
            sql.append(" and (a.created_at, a.id) > (:afterCreated, :afterId)");
            params.put("afterCreated", Timestamp.from(after.createdAt()));
            params.put("afterId", after.id());
        }
        sql.append(" order by a.created_at, a.id limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(Actions::action).list();
    }

    /** How many wait for the organizers: all of them, and those the filter keeps (one query, on the queue's index). */
    long[] pendingCounts(CampaignId campaign, ActionFilter filter) {
        var kept = new StringBuilder("true");
        var params = new HashMap<String, Object>();
        params.put("campaign", campaign.value());
        filter.where(kept, params, true);
        return jdbc.sql("select count(*), count(*) filter (where " + kept
                        + ") from actions a where a.campaign_id = :campaign and a.status = 'PENDING'")
                .params(params)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    /**
     * How many of the campaign's actions are flagship, once the other marks for the campaign in flight committed (a
     * transaction lock on the campaign: marks take turns, and the count holds until this transaction ends).
     */
    long flagshipsOf(CampaignId campaign) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('actions.flagship:' || :campaign))")
                .param("campaign", campaign.value().toString())
                .query((rs, i) -> 1)
                .single();
        return jdbc.sql("select count(*) from actions where campaign_id = :campaign and flagship")
                .param("campaign", campaign.value())
                .query(Long.class)
                .single();
    }

    /** A point or cluster of the map, before it becomes GeoJSON. */
    record Cell(double latitude, double longitude, long count, UUID one) {}

    /** An action as the map shows it: only what its marker and popup need, not the whole row. */
    record MapItem(UUID id, String title, ZonedDateTime start, double latitude, double longitude, boolean flagship) {}

    /** The map's own columns: with the filters' and the partial index's, all in {@code actions_campaign_map}. */
    private static final String MAP_COLUMNS =
            "a.id, a.title, a.time_zone, a.starts_local, a.map_latitude, a.map_longitude, a.flagship";

    /**
     * The map's clusters: non-flagship actions in the box grouped in the grid's squares (one query per part of the
     * box: two when it crosses the antimeridian). It reads only the covering index {@code actions_campaign_map}
     * (decision 0036): an index-only scan and a hash aggregate, never the table.
     */
    List<Cell> cells(CampaignId campaign, BoundingBox box, GridCells grid, ActionFilter filter) {
        var cells = new ArrayList<Cell>();
        for (var part : box.parts()) {
            var sql = new StringBuilder("""
                    select count(*) as n, sum(a.map_latitude) as lat, sum(a.map_longitude) as lon,
                           min(a.id::text)::uuid as one
                    from actions a
                    where a.campaign_id = :campaign and a.status = 'APPROVED' and not a.cancelled
                      and not a.flagship and a.map_latitude between :south and :north
                      and a.map_longitude between :west and :east""");
            var params = box(campaign, part);
            filter.where(sql, params, false);
            sql.append(" group by floor((a.map_longitude + 180) / :degrees), floor((a.map_latitude + 90) / :degrees)");
            params.put("degrees", grid.degrees());
            cells.addAll(jdbc.sql(sql.toString())
                    .params(params)
                    .query((rs, i) -> {
                        // sums, divided here: avg() keeps a sum of squares per row that nothing reads
                        var n = rs.getLong("n");
                        return new Cell(
                                rs.getDouble("lat") / n, rs.getDouble("lon") / n, n, rs.getObject("one", UUID.class));
                    })
                    .list());
        }
        return cells;
    }

    /** Actions in the box shown each as a point: all of them ({@code flagshipOnly} false) or the flagship ones. */
    List<MapItem> points(CampaignId campaign, BoundingBox box, ActionFilter filter, boolean flagshipOnly, int limit) {
        var found = new ArrayList<MapItem>();
        for (var part : box.parts()) {
            var sql = new StringBuilder("select " + MAP_COLUMNS + """
                     from actions a
                    where a.campaign_id = :campaign and a.status = 'APPROVED' and not a.cancelled
                      and a.map_latitude between :south and :north and a.map_longitude between :west and :east""");
            if (flagshipOnly) {
                sql.append(" and a.flagship");
            }
            var params = box(campaign, part);
            filter.where(sql, params, false);
            sql.append(" order by a.flagship desc, a.starts_at, a.id limit :limit");
            params.put("limit", limit);
            found.addAll(jdbc.sql(sql.toString())
                    .params(params)
                    .query(Actions::mapItem)
                    .list());
        }
        return found;
    }

    /** The map's items with these ids (the clusters of one). */
    List<MapItem> mapItems(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + MAP_COLUMNS + " from actions a where a.id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(Actions::mapItem)
                .list();
    }

    private static MapItem mapItem(ResultSet rs, int row) throws SQLException {
        var zone = ZoneId.of(rs.getString("time_zone"));
        return new MapItem(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                ZonedDateTime.ofLocal(rs.getTimestamp("starts_local").toLocalDateTime(), zone, null),
                rs.getDouble("map_latitude"),
                rs.getDouble("map_longitude"),
                rs.getBoolean("flagship"));
    }

    List<Action> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from actions a where a.id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(Actions::action)
                .list();
    }

    private static Map<String, Object> box(CampaignId campaign, BoundingBox part) {
        var params = new HashMap<String, Object>();
        params.put("campaign", campaign.value());
        params.put("south", part.south());
        params.put("north", part.north());
        params.put("west", part.west());
        params.put("east", part.east());
        return params;
    }

    private static Action action(ResultSet rs, int row) throws SQLException {
        var zone = ZoneId.of(rs.getString("time_zone"));
        var start = ZonedDateTime.ofLocal(rs.getTimestamp("starts_local").toLocalDateTime(), zone, null);
        var end = ZonedDateTime.ofLocal(rs.getTimestamp("ends_local").toLocalDateTime(), zone, null);
        var cityId = rs.getObject("city_id", Long.class);
        var place = cityId == null
                ? null
                : new ActionPlace(
                        rs.getString("venue"),
                        rs.getString("address"),
                        cityId,
                        rs.getString("city_name"),
                        rs.getString("country"),
                        rs.getDouble("latitude"),
                        rs.getDouble("longitude"),
                        rs.getDouble("city_latitude"),
                        rs.getDouble("city_longitude"));
        var organization = rs.getObject("organization_id", UUID.class);
        var host = rs.getObject("host_id", UUID.class);
        var details = new ActionDetails(
                ActionKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("description_html"),
                organization == null ? null : new OrganizationId(organization),
                start,
                end,
                rs.getString("online_url"),
                place,
                rs.getBoolean("approximate"),
                rs.getString("accessibility"),
                rs.getObject("reveal_hours", Integer.class));
        return new Action(
                new ActionId(rs.getObject("id", UUID.class)),
                new CampaignId(rs.getObject("campaign_id", UUID.class)),
                rs.getString("campaign_slug"),
                host == null ? null : new AccountId(host),
                details,
                ActionStatus.valueOf(rs.getString("status")),
                rs.getString("rejection_reason"),
                rs.getBoolean("cancelled"),
                rs.getBoolean("flagship"),
                rs.getInt("sequence"),
                rs.getBoolean("new_host"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("approved_at"))
                        .map(java.sql.Timestamp::toInstant)
                        .orElse(null));
    }
}

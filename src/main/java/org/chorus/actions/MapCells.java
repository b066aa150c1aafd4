package org.chorus.actions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.campaigns.CampaignId;
import org.chorus.places.BoundingBox;
import org.chorus.places.GridCells;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The map's clusters at low zoom, grouped by a job rather than by each request (decision 0036, "The world map"): a
 * campaign's approved actions, flagship ones aside, counted in the squares of {@link GridCells} for zooms 0 to
 * {@link #UP_TO_ZOOM}, per kind and day so that the map's filters read them too. A world map then adds up a few
 * thousand rows instead of grouping every action of the campaign.
 *
 * <p>A change to an action marks its campaign in the change's own transaction ({@link #mark}); the job takes the marks
 * and groups those campaigns again, all of a campaign at once, so a run repeated or overlapping another counts nothing
 * twice. Until the job first grouped a campaign its map is read from the actions themselves ({@link #grouped}).
 */
@Repository
class MapCells {

    /** The highest zoom grouped by the job; from the next one on, a map's box holds few enough actions to group live. */
    static final int UP_TO_ZOOM = 6;

    private final JdbcClient jdbc;

    MapCells(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the campaign's map as changed, for the job's next run (several changes in a row make one mark). */
    void mark(CampaignId campaign, String slug) {
        jdbc.sql("""
                        insert into action_map_marks (campaign_id, campaign_slug) values (:campaign, :slug)
                        on conflict (campaign_id) do nothing""").param("campaign", campaign.value()).param("slug", slug).update();
    }

    /** Runs of the job one at a time, for this transaction; false when another run holds it. */
    boolean lock() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtext('actions.map-cells'))")
                .query(Boolean.class)
                .single());
    }

    /** A marked campaign: its id and its address. */
    record Marked(CampaignId campaign, String slug) {}

    /**
     * Takes the marks, to be grouped next in this transaction; a change committing meanwhile marks its campaign again.
     */
    List<Marked> takeMarked() {
        return jdbc.sql("delete from action_map_marks returning campaign_id, campaign_slug")
                .query((rs, i) -> new Marked(
                        new CampaignId(rs.getObject("campaign_id", UUID.class)), rs.getString("campaign_slug")))
                .list();
    }

    /**
     * Groups the campaign's map again: its actions into the squares of zoom {@link #UP_TO_ZOOM} in one pass over the
     * map's index, then those squares into the coarser zooms' (a square of zoom z is four of zoom z + 1, so a shift of
     * each coordinate gives its parent).
     */
    void group(CampaignId campaign, Instant now) {
        jdbc.sql("delete from action_map_cells where campaign_id = :campaign")
                .param("campaign", campaign.value())
                .update();
        jdbc.sql("""
                        insert into action_map_cells
                            (campaign_id, zoom, x, y, kind, day, actions, latitude_sum, longitude_sum, one_action)
                        with fine as (
                            select floor((a.map_longitude + 180) / :degrees)::int as x,
                                   floor((a.map_latitude + 90) / :degrees)::int as y,
                                   a.kind, a.day, count(*) as n, sum(a.map_latitude) as lat,
                                   sum(a.map_longitude) as lon, min(a.id::text) as one
                              from actions a
                             where a.campaign_id = :campaign and a.status = 'APPROVED' and not a.cancelled
                               and not a.flagship and a.map_latitude is not null
                             group by 1, 2, 3, 4)
                        select :campaign, z, x >> (:finest - z), y >> (:finest - z), kind, day,
                               sum(n), sum(lat), sum(lon), min(one)::uuid
                          from fine cross join generate_series(0, :finest) as z
                         group by 2, 3, 4, 5, 6""")
                .param("campaign", campaign.value())
                .param("degrees", GridCells.forZoom(UP_TO_ZOOM).degrees())
                .param("finest", UP_TO_ZOOM)
                .update();
        jdbc.sql("""
                        insert into action_map_grouped (campaign_id, grouped_at) values (:campaign, :now)
                        on conflict (campaign_id) do update set grouped_at = excluded.grouped_at""")
                .param("campaign", campaign.value())
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }

    /** When the job last grouped the campaign's map, if it did. */
    Optional<Instant> grouped(CampaignId campaign) {
        return jdbc.sql("select grouped_at from action_map_grouped where campaign_id = :campaign")
                .param("campaign", campaign.value())
                .query(java.sql.Timestamp.class)
                .optional()
                .map(java.sql.Timestamp::toInstant);
    }

    /** Whether the grouped squares can answer this map: a zoom the job groups, filtered at most by kind and day. */
    static boolean answers(GridCells grid, ActionFilter filter) {
        return grid.zoom() <= UP_TO_ZOOM && filter.country() == null;
    }

    /**
     * The squares of the grid that meet the box, with the actions of the filter's kind and day: the whole square, even
     * where it reaches past the box's edge (a map shows the cluster at its edge either way).
     */
    List<Actions.Cell> cells(CampaignId campaign, BoundingBox box, GridCells grid, ActionFilter filter) {
        var cells = new ArrayList<Actions.Cell>();
        for (var part : box.parts()) {
            var sql = new StringBuilder("""
                    select sum(c.actions) as n, sum(c.latitude_sum) as lat, sum(c.longitude_sum) as lon,
                           min(c.one_action::text)::uuid as one
                      from action_map_cells c
                     where c.campaign_id = :campaign and c.zoom = :zoom
                       and c.x between :west and :east and c.y between :south and :north""");
            var params = new HashMap<String, Object>();
            params.put("campaign", campaign.value());
            params.put("zoom", grid.zoom());
            params.put("west", grid.x(part.west()));
            params.put("east", grid.x(part.east()));
            params.put("south", grid.y(part.south()));
            params.put("north", grid.y(part.north()));
            if (filter.kind() != null) {
                sql.append(" and c.kind = :kind");
                params.put("kind", filter.kind().name());
            }
            if (filter.day() != null) {
                sql.append(" and c.day = :day");
                params.put("day", filter.day());
            }
            sql.append(" group by c.x, c.y");
            cells.addAll(jdbc.sql(sql.toString())
                    .params(params)
                    .query((rs, i) -> {
                        var n = rs.getLong("n");
                        return new Actions.Cell(
                                rs.getDouble("lat") / n, rs.getDouble("lon") / n, n, rs.getObject("one", UUID.class));
                    })
                    .list());
        }
        return cells;
    }
}

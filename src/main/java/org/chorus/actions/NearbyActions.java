package org.chorus.actions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.campaigns.ActionKind;
import org.chorus.campaigns.PublishedCampaign;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.places.City;
import org.chorus.places.Gazetteer;
import org.chorus.shared.DomainException;
import org.chorus.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Find an action near you": a campaign's approved actions that have not ended yet, nearest first, from a city of the
 * gazetteer (typed, or the one nearest to where the browser is, found by {@code /places/cities/nearest}). Distances
 * are measured from where public maps put an action, so an action shown only by its city is never ranked by its exact
 * place. The search widens in steps (50 km, 250 km, 1,000 km, 4,000 km, the world) until it has a page: each step
 * reads one band of latitude through the map index, and what it finds within its radius is complete.
 */
@Service
@Transactional(readOnly = true)
public class NearbyActions {

    public static final int SHOWN = 20;
    /** Other cities of the same name offered as "did you mean". */
    public static final int OTHER_CITIES = 5;

    private static final double EARTH_KM = 6_371.0;
    private static final double[] RADII_KM = {50, 250, 1_000, 4_000, Math.PI * EARTH_KM};

    private final JdbcClient jdbc;
    private final Actions actions;
    private final ReadingCampaigns campaigns;
    private final Gazetteer gazetteer;
    private final Clock clock;

    NearbyActions(JdbcClient jdbc, Actions actions, ReadingCampaigns campaigns, Gazetteer gazetteer, Clock clock) {
        this.jdbc = jdbc;
        this.actions = actions;
        this.campaigns = campaigns;
        this.gazetteer = gazetteer;
        this.clock = clock;
    }

    /** An action and how far it is from the city asked about, in whole kilometres. */
    public record Nearby(Action action, long kilometres) {}

    /**
     * What a search found: the city it measured from (null when nothing was asked or no city has that name), other
     * cities of that name, and the actions nearest to it.
     */
    public record Found(
            PublishedCampaign campaign, String asked, City city, List<City> otherCities, List<Nearby> actions) {

        public boolean askedNothing() {
            return asked.isEmpty() && city == null;
        }
    }

    /** Actions near a city given by its GeoNames id (a choice or "near me"), or by a name typed (the largest such). */
    public Found near(String campaignSlug, String typed, Long cityId, ActionKind kind, String language) {
        var campaign = campaigns
                .published(campaignSlug, language)
                .orElseThrow(() -> new NotFoundException("campaign.not-found"));
        var asked = typed == null ? "" : typed.strip();
        if (asked.length() > 100) {
            throw new DomainException(400, "actions.near.place-too-long");
        }
        City city;
        List<City> others = List.of();
        if (cityId != null) {
            city = gazetteer.city(cityId).orElseThrow(() -> new DomainException(400, "actions.near.city-unknown"));
        } else if (!asked.isEmpty()) {
            var named = gazetteer.suggest(asked, Optional.empty(), OTHER_CITIES + 1);
            city = named.isEmpty() ? null : named.getFirst();
            others = named.size() > 1 ? named.subList(1, named.size()) : List.of();
        } else {
            city = null;
        }
        var found = city == null ? List.<Nearby>of() : nearest(campaign, city, kind);
        return new Found(campaign, asked, city, others, found);
    }

    private List<Nearby> nearest(PublishedCampaign campaign, City city, ActionKind kind) {
        List<Row> rows = List.of();
        for (var radius : RADII_KM) {
            rows = within(campaign, city, kind, radius);
            if (rows.size() >= SHOWN) {
                break;
            }
        }
        var loaded = new HashMap<UUID, Action>();
        actions.byIds(rows.stream().map(Row::id).toList()).forEach(a -> loaded.put(a.id().value(), a));
        var nearby = new ArrayList<Nearby>();
        for (var row : rows) {
            var action = loaded.get(row.id());
            if (action != null) {
                nearby.add(new Nearby(action, Math.round(row.kilometres())));
            }
        }
        return nearby;
    }

    /**
     * The campaign's actions first approved after {@code after} and up to {@code until}, still public and not over, in
     * the order they were approved: all of them, or those within {@code kilometres} of the city (by their public place;
     * online actions have none). At most {@code limit}, for one letter.
     */
    @Transactional(readOnly = true)
    public List<NewAction> firstApproved(
            org.chorus.campaigns.CampaignId campaign,
            java.time.Instant after,
            java.time.Instant until,
            Long city,
            int kilometres,
            int limit) {
        var near = city == null ? Optional.<City>empty() : gazetteer.city(city);
        if (city != null && near.isEmpty()) {
            return List.of();
        }
        var distance = near.isPresent() ? """
                  :earth * 2 * asin(least(1, sqrt(power(sin(radians(a.map_latitude - :lat) / 2), 2)
                      + cos(radians(:lat)) * cos(radians(a.map_latitude))
                        * power(sin(radians(a.map_longitude - :lon) / 2), 2))))""" : "cast(null as double precision)";
        var sql = new StringBuilder("select id, km from (select a.id, a.approved_at, " + distance + """
                     as km
                    from actions a
                    where a.campaign_id = :campaign and a.status = 'APPROVED' and not a.cancelled
                      and a.approved_at > :after and a.approved_at <= :until and a.ends_at > :until""");
        var params = new HashMap<String, Object>();
        params.put("campaign", campaign.value());
        params.put("after", java.sql.Timestamp.from(after));
        params.put("until", java.sql.Timestamp.from(until));
        params.put("limit", limit);
        if (near.isPresent()) {
            var band = Math.toDegrees(kilometres / EARTH_KM);
            var here = near.get();
            sql.append(" and a.map_latitude between :south and :north");
            params.put("earth", EARTH_KM);
            params.put("lat", here.latitude());
            params.put("lon", here.longitude());
            params.put("south", here.latitude() - band);
            params.put("north", here.latitude() + band);
            params.put("radius", (double) kilometres);
        }
        sql.append(") found");
        if (near.isPresent()) {
            sql.append(" where km <= :radius");
        }
        sql.append(" order by approved_at, id limit :limit");
        var rows = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getDouble("km")))
                .list();
        var loaded = new HashMap<UUID, Action>();
        actions.byIds(rows.stream().map(Row::id).toList()).forEach(a -> loaded.put(a.id().value(), a));
        var found = new ArrayList<NewAction>();
        for (var row : rows) {
            var action = loaded.get(row.id());
            if (action == null) {
                continue;
            }
            var d = action.details();
            var place = d.place();
            found.add(new NewAction(
                    action.id(),
                    d.title(),
                    d.kind(),
                    d.start(),
                    place == null ? "" : place.cityName(),
                    place == null ? "" : place.country(),
                    near.isPresent() ? Math.round(row.kilometres()) : null));
        }
        return found;
    }

    private record Row(UUID id, double kilometres) {}

    private List<Row> within(PublishedCampaign campaign, City city, ActionKind kind, double radius) {
        var band = Math.toDegrees(radius / EARTH_KM);
        return jdbc.sql("""
                        select id, km from (
                            select a.id, a.starts_at, :earth * 2 * asin(least(1, sqrt(
                                   power(sin(radians(a.map_latitude - :lat) / 2), 2)
                                   + cos(radians(:lat)) * cos(radians(a.map_latitude))
                                     * power(sin(radians(a.map_longitude - :lon) / 2), 2)))) as km
                            from actions a
                            where a.campaign_id = :campaign and a.status = 'APPROVED' and not a.cancelled
                              and a.map_latitude between :south and :north
                              and a.ends_at > :now
                              and (cast(:kind as text) is null or a.kind = cast(:kind as text))
                        ) near
                        where km <= :radius
                        order by km, starts_at, id
                        limit :limit
                        """)
                .param("earth", EARTH_KM)
                .param("lat", city.latitude())
                .param("lon", city.longitude())
                .param("campaign", campaign.id().value())
                .param("south", city.latitude() - band)
                .param("north", city.latitude() + band)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("kind", kind == null ? null : kind.name())
                .param("radius", radius)
                .param("limit", SHOWN)
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getDouble("km")))
                .list();
    }
}

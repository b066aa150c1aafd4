package org.chorus.actions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chorus.campaigns.ActionKind;
import org.chorus.campaigns.CampaignOrganizers;
import org.chorus.campaigns.PublishedCampaign;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.organizations.Actor;
import org.chorus.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign dashboard's figures about actions, for its organizers (issue 16, item 11): how many were registered each
 * day (in the campaign's zone), how many wait, were approved, rejected or cancelled, and the public ones by kind and by
 * country. Two grouped queries on the campaign's actions, whatever their number.
 */
@Service
public class CampaignFigures {

    /** The countries a chart shows by name; the others are added up as one bar. */
    public static final int COUNTRIES_SHOWN = 20;

    private final JdbcClient jdbc;
    private final Actions actions;
    private final ReadingCampaigns campaigns;
    private final CampaignOrganizers organizers;

    CampaignFigures(JdbcClient jdbc, Actions actions, ReadingCampaigns campaigns, CampaignOrganizers organizers) {
        this.jdbc = jdbc;
        this.actions = actions;
        this.campaigns = campaigns;
        this.organizers = organizers;
    }

    /**
     * The figures of one campaign.
     *
     * @param registeredPerDay every day from the first registration to the last, days without one included
     * @param byCountry the {@link #COUNTRIES_SHOWN} countries with most public actions, then the rest under the
     *     empty code {@code "*"}; online actions under {@code ""}
     */
    public record Figures(
            PublishedCampaign campaign,
            Map<LocalDate, Long> registeredPerDay,
            long waiting,
            long approved,
            long rejected,
            long cancelled,
            Map<ActionKind, Long> byKind,
            Map<String, Long> byCountry) {}

    @Transactional(readOnly = true)
    public Figures of(Actor actor, String slug, String language) {
        var campaign = organized(actor, slug, language);
        var perDay = new java.util.TreeMap<LocalDate, Long>();
        long[] states = new long[4];
        jdbc.sql("""
                        select (a.created_at at time zone :zone)::date as registered, a.status, a.cancelled, count(*) as n
                        from actions a where a.campaign_id = :campaign
                        group by grouping sets ((1), (2, 3))""")
                .param("campaign", campaign.id().value())
                .param("zone", campaign.zone().getId())
                .query((rs, i) -> {
                    var n = rs.getLong("n");
                    var day = rs.getObject("registered", LocalDate.class);
                    if (day != null) {
                        perDay.put(day, n);
                    } else if (rs.getBoolean("cancelled")) {
                        states[3] += n;
                    } else {
                        states[
                                switch (ActionStatus.valueOf(rs.getString("status"))) {
                                    case PENDING -> 0;
                                    case APPROVED -> 1;
                                    case REJECTED -> 2;
                                }] += n;
                    }
                    return null;
                })
                .list();
        var counts = actions.counts(campaign.id());
        return new Figures(
                campaign,
                everyDay(perDay),
                states[0],
                states[1],
                states[2],
                states[3],
                counts.byKind(),
                topCountries(counts.byCountry()));
    }

    /** The published campaign, for its organizers only: the dashboard's check, without counting anything. */
    @Transactional(readOnly = true)
    public PublishedCampaign organized(Actor actor, String slug, String language) {
        return organizers.organized(actor, slug, language, "action.organizers-only");
    }

    private static Map<LocalDate, Long> everyDay(java.util.TreeMap<LocalDate, Long> perDay) {
        var all = new LinkedHashMap<LocalDate, Long>();
        if (perDay.isEmpty()) {
            return all;
        }
        for (var day = perDay.firstKey(); !day.isAfter(perDay.lastKey()); day = day.plusDays(1)) {
            all.put(day, perDay.getOrDefault(day, 0L));
        }
        return all;
    }

    private static Map<String, Long> topCountries(Map<String, Long> byCountry) {
        var sorted = new ArrayList<>(byCountry.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        var top = new LinkedHashMap<String, Long>();
        long others = 0;
        for (var entry : sorted) {
            if (top.size() < COUNTRIES_SHOWN) {
                top.put(entry.getKey(), entry.getValue());
            } else {
                others += entry.getValue();
            }
        }
        if (others > 0) {
            top.put("*", others);
        }
        return top;
    }

    /** The figures as CSV rows (header first), for one of the dashboard's charts. */
    public static List<List<String>> rows(Figures figures, String chart) {
        var rows = new ArrayList<List<String>>();
        switch (chart) {
            case "registered" -> {
                rows.add(List.of("day", "actions_registered"));
                figures.registeredPerDay().forEach((day, n) -> rows.add(List.of(day.toString(), Long.toString(n))));
            }
            case "kind" -> {
                rows.add(List.of("kind", "public_actions"));
                figures.byKind().forEach((kind, n) -> rows.add(List.of(kind.name(), Long.toString(n))));
            }
            case "country" -> {
                rows.add(List.of("country", "public_actions"));
                figures.byCountry().forEach((country, n) -> rows.add(List.of(country, Long.toString(n))));
            }
            default -> throw new NotFoundException("dashboard.chart-unknown");
        }
        return rows;
    }
}

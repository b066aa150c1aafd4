package org.chorus.demo.generate;

import static org.chorus.demo.generate.GeneratingData.execute;
import static org.chorus.demo.generate.GeneratingData.finish;
import static org.chorus.demo.generate.GeneratingData.flushIfFull;
import static org.chorus.demo.generate.GeneratingData.load;
import static org.chorus.demo.generate.GeneratingData.seconds;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.chorus.campaigns.ActionKind;
import org.chorus.places.Gazetteer;
import org.chorus.shared.markdown.Markdown;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

/**
 * Adds a campaign with local actions at scale (issue 15) to a database, empty or holding the generated archive
 * ({@link GeneratingData}): the league's published campaign {@link DaysOfAction#SLUG}, its hosts' accounts and the
 * actions, written as the application writes them but streamed with COPY in one transaction (seconds for 100,000).
 * On an empty database it writes the league first (its organizations and people, without statements). Used by
 * {@code bin/chorus admin generate --actions N} and {@code bench/generate --actions N}.
 */
@Component
public class GeneratingActions {

    /** What to generate and where the summary goes; the campaign's days of action fall just after {@code today}. */
    public record Request(int actions, long seed, LocalDate today, Path outputDirectory) {}

    /** The largest cities of each country the actions are spread over. */
    static final int CITIES_PER_COUNTRY = 8;

    private final DataSource dataSource;
    private final GeneratingData data;
    private final Gazetteer gazetteer;
    private final Clock clock;

    GeneratingActions(DataSource dataSource, GeneratingData data, Gazetteer gazetteer, Clock clock) {
        this.dataSource = dataSource;
        this.data = data;
        this.gazetteer = gazetteer;
        this.clock = clock;
    }

    /** Generates, printing progress; throws {@link GeneratingData.Refused} before writing anything when it must not. */
    public Map<String, Long> generate(Request request, PrintStream out) {
        long began = System.nanoTime();
        GeneratingData.requireWordLists();
        try (var connection = dataSource.getConnection()) {
            if (!GeneratingData.column(
                            connection, "select slug from campaigns where slug = '" + DaysOfAction.SLUG + "'")
                    .isEmpty()) {
                throw new GeneratingData.Refused("this database already holds generated actions (the campaign /c/"
                        + DaysOfAction.SLUG + "); generate into a new data directory (bench/generate --data-dir DIR)");
            }
            out.println("Reading the word lists and the gazetteer …");
            var prose = GeneratingData.prose(connection, request.seed());
            var today = request.today() == null ? LocalDate.now(clock) : request.today();
            var cities = gazetteer.largest(CITIES_PER_COUNTRY);
            var plan = new DaysOfAction(request.seed(), request.actions(), today, cities, prose);
            out.printf(
                    "Planned %,d actions by %,d hosts in %,d cities (%.1f s); writing …%n",
                    plan.actions.size(), plan.hosts.size(), cities.size(), seconds(began));

            connection.setAutoCommit(false);
            execute(connection, "set local maintenance_work_mem = '512MB'");
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            var rows = new CopyRows(1 << 20);
            var league = league(connection);
            if (league == null) {
                out.println("No generated league here: writing its organizations and people first …");
                var end = today.atStartOfDay(ZoneOffset.UTC).toInstant();
                var coalition = new Coalition(
                        prose,
                        request.seed(),
                        end.atOffset(ZoneOffset.UTC).minusYears(7).toInstant(),
                        GeneratingData.column(connection, "select slug from organizations"));
                data.writeCoalition(copy, coalition, rows);
                var first = coalition.organizations.getFirst();
                league = new UUID[] {first.id(), first.owner().id()};
            }
            var indexes = GeneratingData.dropIndexes(connection, "actions");
            data.writeAccounts(copy, plan.hosts, rows);
            writeCampaign(copy, plan, league[0], league[1], rows);
            writeActions(copy, plan, rows);
            out.printf("Rebuilding %d indexes (%.1f s) …%n", indexes.size(), seconds(began));
            for (var definition : indexes) {
                execute(connection, definition);
            }
            // the map's squares are grouped by the running application's job, as after any change (actions.MapCells)
            execute(connection, """
                    insert into action_map_marks (campaign_id, campaign_slug)
                    select distinct on (campaign_id) campaign_id, campaign_slug from actions order by campaign_id
                    on conflict (campaign_id) do nothing""");
            connection.commit();
            connection.setAutoCommit(true);
            for (var table : List.of("actions", "accounts", "campaigns", "campaign_texts")) {
                // vacuum sets the visibility map, so the map's index-only scans need not visit the table
                execute(connection, (table.equals("actions") ? "vacuum analyze " : "analyze ") + table);
            }
            var counts = counts(connection);
            writeSummary(request, today, counts, seconds(began));
            out.printf("Done in %.1f s: %s%n", seconds(began), counts);
            out.printf("The campaign: /c/%s (its queue: /c/%s/manage/actions)%n", DaysOfAction.SLUG, DaysOfAction.SLUG);
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("generating failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generated league and its owner, or null when the database has none. */
    private static UUID[] league(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("""
                select o.id, m.account_id from organizations o
                join memberships m on m.organization_id = o.id and m.role = 'OWNER'
                where o.website = ? order by m.created_at limit 1
                """)) {
            statement.setString(1, Coalition.MARK);
            var rows = statement.executeQuery();
            return rows.next() ? new UUID[] {rows.getObject(1, UUID.class), rows.getObject(2, UUID.class)} : null;
        }
    }

    private static void writeCampaign(
            org.postgresql.copy.CopyManager copy, DaysOfAction plan, UUID league, UUID owner, CopyRows rows)
            throws SQLException {
        var days = "{"
                + String.join(
                        ",", plan.daysOfAction.stream().map(LocalDate::toString).toList()) + "}";
        rows.uuid(plan.campaign)
                .text(DaysOfAction.SLUG)
                .uuid(league)
                .text("en")
                .text("PUBLISHED")
                .text("UTC")
                .date(plan.startsOn)
                .date(plan.endsOn)
                .text(days)
                .array(java.util.Arrays.stream(ActionKind.values())
                        .map(Enum::name)
                        .toList())
                .instant(plan.publishedAt)
                .uuid(owner)
                .instant(plan.publishedAt.minusSeconds(86_400))
                .instant(plan.publishedAt)
                .end();
        load(
                copy,
                "campaigns (id, slug, organization_id, original_language, status, time_zone, starts_on, ends_on,"
                        + " days_of_action, kinds, published_at, created_by, created_at, updated_at)",
                rows);
        var call = """
                For three weeks, member organizations and friends everywhere hold their own actions: a rally, a \
                teach-in, letters to their own government, an action online.

                On the **international days of action**, %s and %s, we act together, in every time zone.""".formatted(plan.daysOfAction.get(0), plan.daysOfAction.get(1));
        rows.uuid(plan.campaign)
                .text("en")
                .text("Global days of action")
                .text("Local actions in every country, with two international days of action.")
                .text(call)
                .text(Markdown.render(call).html())
                .raw("{\"Climate finance, not debt\",\"A just transition for workers\",\"Housing for all\"}")
                .instant(plan.publishedAt)
                .end();
        load(
                copy,
                "campaign_texts (campaign_id, language, title, summary, call, call_html, demands, updated_at)",
                rows);
    }

    private static void writeActions(org.postgresql.copy.CopyManager copy, DaysOfAction plan, CopyRows rows)
            throws SQLException {
        var in = copy.copyIn("""
                copy actions (id, campaign_id, campaign_slug, host_id, kind, title, description, description_html,
                    time_zone, starts_local, ends_local, starts_at, ends_at, day, online_url, venue, address, city_id,
                    city_name, country, latitude, longitude, city_latitude, city_longitude, map_latitude,
                    map_longitude, approximate, status, rejection_reason, cancelled, flagship, sequence, new_host,
                    created_at, updated_at, approved_at) from stdin""");
        for (var a : plan.actions) {
            var city = a.city();
            rows.uuid(a.id())
                    .uuid(plan.campaign)
                    .text(DaysOfAction.SLUG)
                    .uuid(a.host().id())
                    .text(a.kind().name())
                    .text(a.title())
                    .text(a.description())
                    .text(Markdown.render(a.description()).html())
                    .text(a.start().getZone().getId())
                    .raw(a.start().toLocalDateTime().toString())
                    .raw(a.end().toLocalDateTime().toString())
                    .instant(a.start().toInstant())
                    .instant(a.end().toInstant())
                    .date(a.start().toLocalDate())
                    .text(a.onlineUrl())
                    .text(a.venue())
                    .text(a.address());
            if (city == null) {
                rows.raw(null)
                        .raw(null)
                        .text("")
                        .raw(null)
                        .raw(null)
                        .raw(null)
                        .raw(null)
                        .raw(null)
                        .raw(null);
            } else {
                rows.number(city.id())
                        .text(city.name())
                        .text(city.countryCode())
                        .decimal(a.latitude())
                        .decimal(a.longitude())
                        .decimal(city.latitude())
                        .decimal(city.longitude())
                        .decimal(a.mapLatitude())
                        .decimal(a.mapLongitude());
            }
            rows.bool(a.approximate())
                    .text(a.status())
                    .text(a.rejectionReason())
                    .bool(a.cancelled())
                    .bool(a.flagship())
                    .number(a.cancelled() || a.flagship() ? 1 : 0)
                    .bool(a.newHost())
                    .instant(a.createdAt())
                    .instant(a.createdAt());
            if ("APPROVED".equals(a.status())) {
                rows.instant(a.createdAt());
            } else {
                rows.raw(null);
            }
            rows.end();
            flushIfFull(in, rows);
        }
        finish(in, rows);
    }

    private static Map<String, Long> counts(Connection connection) throws SQLException {
        var counts = new LinkedHashMap<String, Long>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("""
                        select count(*), count(*) filter (where status = 'PENDING'),
                               count(*) filter (where status = 'APPROVED'), count(distinct country) filter (where country <> ''),
                               count(distinct host_id)
                        from actions where campaign_slug = '%s'
                        """.formatted(DaysOfAction.SLUG))) {
            rows.next();
            counts.put("actions", rows.getLong(1));
            counts.put("pending", rows.getLong(2));
            counts.put("approved", rows.getLong(3));
            counts.put("countries", rows.getLong(4));
            counts.put("hosts", rows.getLong(5));
        }
        return counts;
    }

    private static void writeSummary(Request request, LocalDate today, Map<String, Long> counts, double took)
            throws IOException {
        Files.createDirectories(request.outputDirectory());
        var summary = new StringBuilder();
        summary.append("seed ").append(request.seed()).append('\n');
        summary.append("actions requested ").append(request.actions()).append('\n');
        summary.append("today ").append(today).append('\n');
        summary.append("campaign /c/").append(DaysOfAction.SLUG).append('\n');
        counts.forEach(
                (name, count) -> summary.append(name).append(' ').append(count).append('\n'));
        summary.append("seconds ")
                .append(String.format(java.util.Locale.ROOT, "%.1f", took))
                .append('\n');
        Files.writeString(request.outputDirectory().resolve("actions-summary.txt"), summary, StandardCharsets.UTF_8);
    }
}

package org.chorus.demo.generate;

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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.chorus.accounts.Passwords;
import org.chorus.demo.DemoData;
import org.chorus.shared.crypto.PersonalData;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.stereotype.Component;

/**
 * Fills a database with a coalition's archive at scale (issue 13): organizations in a tree, people, 100,000 published
 * statements or however many are asked for, their texts and translations, revisions, co-issuers, signatories,
 * topics, comments and republications, written as the application writes them but streamed with PostgreSQL's COPY in
 * one transaction, so it takes minutes. Used by {@code bin/chorus admin generate}, {@code bin/chorus dev --generate}
 * and every benchmark ({@code bench/generate}).
 */
@Component
public class GeneratingData {

    /** Why the generator will not run: said to the operator as is, with exit status 1. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * What to generate, and where the word lists and summary go ({@code generated/} under the data directory). The
     * archive ends the day before {@code until} (today when null): the same seed and day give the same archive.
     */
    public record Request(int statements, long seed, LocalDate until, Path outputDirectory) {}

    private static final int BATCH = 250;

    private final DataSource dataSource;
    private final PersonalData personalData;
    private final Passwords passwords;
    private final Clock clock;

    GeneratingData(DataSource dataSource, PersonalData personalData, Passwords passwords, Clock clock) {
        this.dataSource = dataSource;
        this.personalData = personalData;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Generates, printing progress to {@code out}; throws {@link Refused} before writing anything when it must not. */
    public Map<String, Long> generate(Request request, PrintStream out) {
        long began = System.nanoTime();
        double cpuBefore = processCpuSeconds();
        requireWordLists();
        try (var connection = dataSource.getConnection()) {
            if (alreadyGenerated(connection)) {
                throw new Refused("this database already holds generated data (the league at " + Coalition.MARK
                        + "); generate into a new data directory (bin/chorus dev --reset, or bench/generate"
                        + " --data-dir DIR)");
            }
            out.println("Reading the word lists …");
            var prose = prose(connection, request.seed());
            var end = (request.until() == null ? LocalDate.now(clock) : request.until())
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
            var coalition = new Coalition(
                    prose,
                    request.seed(),
                    end.atOffset(ZoneOffset.UTC).minusYears(7).toInstant(),
                    column(connection, "select slug from organizations"));
            var archive = new Archive(
                    request.seed(),
                    request.statements(),
                    prose,
                    coalition,
                    end,
                    column(connection, "select slug from statements"));
            out.printf(
                    "Planned %,d organizations, %,d people and %,d statements (%.1f s); writing …%n",
                    coalition.organizations.size(),
                    coalition.people.size() + coalition.commenters.size(),
                    archive.statements.size(),
                    seconds(began));
            connection.setAutoCommit(false);
            execute(connection, "set local maintenance_work_mem = '512MB'");
            var indexes = dropIndexes(connection, "statements", "statement_texts", "statement_revisions");
            write(connection, coalition, archive, out, began);
            out.printf(
                    "Rebuilding %d indexes (%.1f s) …%n",
                    indexes.stream().filter(sql -> sql.startsWith("CREATE")).count(), seconds(began));
            for (var definition : indexes) {
                execute(connection, definition);
            }
            connection.commit();
            connection.setAutoCommit(true);
            out.printf("Committed (%.1f s); analyzing …%n", seconds(began));
            try (var statement = connection.createStatement()) {
                for (var table : TABLES) {
                    statement.execute("analyze " + table);
                }
            }
            var counts = counts(connection);
            writeFiles(request, prose, counts, seconds(began));
            out.printf("Done in %.1f s: %s%n", seconds(began), counts);
            out.printf(
                    "CPU time of the generation: %.0f s in this process, %s in its PostgreSQL backend%n",
                    processCpuSeconds() - cpuBefore, backendCpu(connection));
            out.println("Vocabulary and summary: " + request.outputDirectory().toAbsolutePath());
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("generating failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses, naming the packages to install, when a word list the generators read is missing. */
    static void requireWordLists() {
        var missing = WordLists.missing();
        if (!missing.isEmpty()) {
            throw new Refused("word lists missing: " + String.join(", ", missing));
        }
    }

    static final List<String> TABLES = List.of(
            "organizations",
            "accounts",
            "memberships",
            "statement_topics",
            "statements",
            "statement_texts",
            "statement_revisions",
            "statement_cosigners",
            "statement_signatories",
            "comments");

    /**
     * Drops the indexes of the big tables that back no constraint and returns how to create them again, the statistics
     * targets of their columns included (the word pairs' indexes sample few rows: V1_240): PostgreSQL builds an index
     * (above all the search index) much faster from all rows at once than row by row during COPY. Inside the
     * transaction, so a failure leaves them as they were. Migration V1_327 does the same in SQL.
     */
    static List<String> dropIndexes(Connection connection, String... tables) throws SQLException {
        var definitions = new ArrayList<String>();
        var targets = new ArrayList<String>();
        var names = new ArrayList<String>();
        try (var statement = connection.prepareStatement("""
                        select pg_get_indexdef(x.indexrelid), quote_ident(n.nspname) || '.' || quote_ident(i.relname),
                               array(select format('alter index %s.%s alter column %s set statistics %s',
                                                   quote_ident(n.nspname), quote_ident(i.relname), a.attnum,
                                                   a.attstattarget)
                                     from pg_attribute a
                                     where a.attrelid = i.oid and a.attnum > 0
                                       and coalesce(a.attstattarget, -1) >= 0)
                        from pg_index x
                        join pg_class t on t.oid = x.indrelid
                        join pg_class i on i.oid = x.indexrelid
                        join pg_namespace n on n.oid = t.relnamespace
                        where t.relname = any(?)
                          and n.nspname = current_schema()
                          and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
                        order by i.relname
                        """)) {
            statement.setArray(1, connection.createArrayOf("text", tables));
            var rows = statement.executeQuery();
            while (rows.next()) {
                definitions.add(rows.getString(1));
                names.add(rows.getString(2));
                targets.addAll(List.of((String[]) rows.getArray(3).getArray()));
            }
        }
        for (var name : names) {
            execute(connection, "drop index " + name);
        }
        definitions.addAll(targets); // after every index is built again
        return definitions;
    }

    static boolean alreadyGenerated(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("select 1 from organizations where website = ?")) {
            statement.setString(1, Coalition.MARK);
            return statement.executeQuery().next();
        }
    }

    /** Each language's prose, from the installed word lists, with the words the search indexes. */
    static Map<String, Prose> prose(Connection connection, long seed) throws SQLException {
        var prose = new LinkedHashMap<String, Prose>();
        for (var entry : WordLists.load(seed).entrySet()) {
            var words = searchable(connection, entry.getKey(), entry.getValue());
            prose.put(entry.getKey(), new Prose(new Vocabulary(entry.getKey(), words)));
        }
        return prose;
    }

    /**
     * The words PostgreSQL indexes in the language's search configuration: stop words ("the", "les") are left out,
     * since a benchmark searching for them would find nothing and measure nothing.
     */
    private static List<String> searchable(Connection connection, String language, List<String> words)
            throws SQLException {
        var stop = new HashSet<String>();
        try (var statement = connection.prepareStatement("""
                select w from unnest(?) as w where to_tsvector(chorus_search_config(?), w) = ''::tsvector
                """)) {
            statement.setArray(1, connection.createArrayOf("text", words.toArray()));
            statement.setString(2, language);
            var rows = statement.executeQuery();
            while (rows.next()) {
                stop.add(rows.getString(1));
            }
        }
        return words.stream().filter(w -> !stop.contains(w)).toList();
    }

    static Set<String> column(Connection connection, String sql) throws SQLException {
        var values = new HashSet<String>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Accounts of generated people, active, all with the demo's password, their addresses sealed as the app does. */
    void writeAccounts(org.postgresql.copy.CopyManager copy, List<Coalition.Person> people, CopyRows rows)
            throws SQLException {
        var hash = passwords.encoder().encode(DemoData.PASSWORD);
        for (var person : people) {
            rows.uuid(person.id())
                    .bytes(personalData.seal(person.email(), "accounts.email"))
                    .bytes(personalData.emailIndex(person.email()))
                    .text(person.name())
                    .text(hash)
                    .text("ACTIVE")
                    .bool(false)
                    .text(person.language())
                    .instant(person.createdAt())
                    .instant(person.createdAt())
                    .end();
        }
        load(
                copy,
                "accounts (id, email_sealed, email_index, display_name, password_hash, status, site_admin, language,"
                        + " created_at, activated_at)",
                rows);
    }

    /** The league's organizations, their people (all with the demo's password) and the owners' memberships. */
    void writeCoalition(org.postgresql.copy.CopyManager copy, Coalition coalition, CopyRows rows) throws SQLException {
        for (var org : coalition.organizations) {
            rows.uuid(org.id())
                    .text(org.slug())
                    .text(org.name())
                    .text(org.kind())
                    .uuid(org.parent())
                    .text("ACTIVE")
                    .text(org.country())
                    .array(org.languages())
                    .text(org.website())
                    .text(org.description())
                    .instant(org.createdAt())
                    .uuid(org.owner().id())
                    .instant(org.createdAt())
                    .text(org.zone())
                    .end();
        }
        load(
                copy,
                "organizations (id, slug, name, kind, parent_id, status, country, languages, website, description,"
                        + " created_at, created_by, decided_at, time_zone)",
                rows);

        var everyone = new ArrayList<>(coalition.people);
        everyone.addAll(coalition.commenters);
        writeAccounts(copy, everyone, rows);

        for (var org : coalition.organizations) {
            rows.uuid(org.id())
                    .uuid(org.owner().id())
                    .text("OWNER")
                    .instant(org.createdAt())
                    .end();
        }
        load(copy, "memberships (organization_id, account_id, role, created_at)", rows);
    }

    private void write(Connection connection, Coalition coalition, Archive archive, PrintStream out, long began)
            throws SQLException {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        var rows = new CopyRows(1 << 20);
        writeCoalition(copy, coalition, rows);

        for (var topic : archive.topicLabels.entrySet()) {
            rows.text(topic.getKey())
                    .text(topic.getValue())
                    .instant(archive.start)
                    .end();
        }
        load(copy, "statement_topics (slug, label, updated_at)", rows);

        var statements = copy.copyIn("copy statements (id, slug, issuer_id, original_language, status, issued_on,"
                + " issued_precision, place, topics, comments_enabled, published_at, retracted_at, retraction_note,"
                + " source_statement_id, source_title, source_publisher, source_published_on, introduction, created_by,"
                + " created_at, updated_at, version) from stdin");
        for (var s : archive.statements) {
            var source = s.source();
            rows.uuid(s.id())
                    .text(s.slug())
                    .uuid(s.issuer().id())
                    .text(s.language())
                    .text(s.status())
                    .date(s.issuedOn())
                    .text(s.precision())
                    .text(s.place())
                    .array(s.topics())
                    .bool(s.commentsEnabled())
                    .instant(s.publishedAt())
                    .instant(s.retractedAt())
                    .text(s.retractionNote())
                    .uuid(source == null ? null : source.id())
                    .text(source == null ? null : source.title())
                    .text(source == null ? null : source.issuer().name())
                    .date(source == null ? null : source.issuedOn())
                    .text(s.introduction())
                    .uuid(s.writer().id())
                    .instant(s.createdAt())
                    .instant(s.updatedAt())
                    .number(
                            s.status().equals("RETRACTED")
                                    ? 3
                                    : s.isPublic() ? 2 : s.status().equals("IN_REVIEW") ? 1 : 0)
                    .end();
            flushIfFull(statements, rows);
        }
        finish(statements, rows);
        execute(connection, "create temporary table generated_statements (id uuid primary key) on commit drop");
        var ids = copy.copyIn("copy generated_statements (id) from stdin");
        for (var s : archive.statements) {
            rows.uuid(s.id()).end();
        }
        finish(ids, rows);

        for (var c : archive.cosigners) {
            rows.uuid(c.statement()).uuid(c.organization()).number(c.position()).end();
        }
        load(copy, "statement_cosigners (statement_id, organization_id, position)", rows);
        for (var g : archive.signatories) {
            rows.uuid(g.statement())
                    .number(g.position())
                    .text(g.name())
                    .text(g.roleTitle())
                    .text(g.organization())
                    .end();
        }
        load(copy, "statement_signatories (statement_id, position, name, role_title, organization)", rows);
        for (var c : archive.comments) {
            rows.uuid(c.id())
                    .uuid(c.statement())
                    .uuid(c.organization())
                    .uuid(c.parent())
                    .uuid(c.author().id())
                    .text(c.author().name())
                    .text(c.body())
                    .text("APPROVED")
                    .text(c.network())
                    .instant(c.createdAt())
                    .end();
        }
        load(
                copy,
                "comments (id, statement_id, organization_id, parent_id, author_id, author_name, body, status,"
                        + " network, created_at)",
                rows);
        out.printf("Organizations, people and statements written (%.1f s); texts …%n", seconds(began));

        writeTexts(copy, archive, out, began);
        out.printf("Texts written (%.1f s); republications follow their originals, revisions …%n", seconds(began));
        followOriginals(connection);
        recordRevisions(connection);
        out.printf("Revisions written (%.1f s); committing …%n", seconds(began));
    }

    /** Renders the texts in parallel, batch by batch, and streams them to PostgreSQL in order. */
    private void writeTexts(org.postgresql.copy.CopyManager copy, Archive archive, PrintStream out, long began)
            throws SQLException {
        var originals = archive.statements.stream().filter(s -> !s.copy()).toList();
        var texts = copy.copyIn("copy statement_texts (statement_id, language, title, subtitle, body, body_html,"
                + " body_text, translator, status, updated_at) from stdin");
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var pending = new ArrayDeque<Future<byte[]>>();
            int next = 0;
            int written = 0;
            int reported = 0;
            while (next < originals.size() || !pending.isEmpty()) {
                while (next < originals.size() && pending.size() < threads * 2) {
                    var batch = originals.subList(next, Math.min(next + BATCH, originals.size()));
                    pending.add(pool.submit(() -> textRows(archive, batch)));
                    next += batch.size();
                }
                var bytes = pending.poll().get();
                texts.writeToCopy(bytes, 0, bytes.length);
                written += BATCH;
                if (written - reported >= 10_000) {
                    reported = written;
                    out.printf(
                            "  texts of %,d of %,d statements (%.1f s)%n",
                            Math.min(written, originals.size()), originals.size(), seconds(began));
                }
            }
            texts.endCopy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            texts.cancelCopy();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            texts.cancelCopy();
            throw new IllegalStateException("could not render a text", e.getCause());
        }
    }

    private static byte[] textRows(Archive archive, List<Archive.Planned> batch) {
        var rows = new CopyRows(batch.size() * 12_000);
        for (var statement : batch) {
            for (var t : archive.texts(statement)) {
                rows.uuid(t.statement())
                        .text(t.language())
                        .text(t.title())
                        .text(t.subtitle())
                        .text(t.body())
                        .text(t.html())
                        .text(t.plain())
                        .text(t.translator())
                        .text(t.published() ? "PUBLISHED" : "DRAFT")
                        .instant(t.updatedAt())
                        .end();
            }
        }
        return rows.take().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Each republication takes its original's date, place, texts (the original and every published translation) and
     * signatories, by the statements {@code Statements.followOriginal} runs when a copy is made (decision 0018).
     */
    private static void followOriginals(Connection connection) throws SQLException {
        execute(connection, """
                update statements c set
                    issued_on = coalesce(s.issued_on, cast(s.published_at at time zone 'UTC' as date)),
                    issued_precision = s.issued_precision, place = s.place, corrected_at = s.corrected_at,
                    source_title = t.title,
                    source_published_on = coalesce(s.issued_on, cast(s.published_at at time zone 'UTC' as date))
                from statements s
                join statement_texts t on t.statement_id = s.id and t.language = s.original_language
                where c.source_statement_id = s.id and c.id in (select id from generated_statements)
                """);
        execute(connection, """
                insert into statement_texts (statement_id, language, title, subtitle, body, body_html, body_text,
                                             translator, status, updated_at)
                select c.id, t.language, t.title, t.subtitle, t.body, t.body_html, t.body_text, t.translator,
                       case when c.status in ('PUBLISHED', 'RETRACTED') then 'PUBLISHED' else 'DRAFT' end,
                       t.updated_at
                from statements c
                join statements s on s.id = c.source_statement_id
                join statement_texts t on t.statement_id = s.id
                    and (t.status = 'PUBLISHED' or t.language = s.original_language)
                where c.id in (select id from generated_statements)
                """);
        execute(connection, """
                insert into statement_signatories (statement_id, position, name, role_title, organization)
                select c.id, g.position, g.name, g.role_title, g.organization
                from statements c join statement_signatories g on g.statement_id = c.source_statement_id
                where c.id in (select id from generated_statements)
                """);
    }

    /**
     * The revisions the application saves: number 1 of each original text when it was drafted, with the signatories
     * and co-issuers it was saved with, number 1 of each translation, and for a copy the one revision of its text;
     * published when the statement is public.
     */
    private static void recordRevisions(Connection connection) throws SQLException {
        execute(connection, """
                insert into statement_revisions (id, statement_id, language, number, title, subtitle, body, published,
                                                 note, created_by, created_at, signatories, cosigners)
                select cast(md5(s.id::text || t.language) as uuid), s.id, t.language, 1, t.title, t.subtitle, t.body,
                       s.status in ('PUBLISHED', 'RETRACTED'), null, s.created_by,
                       case when t.language = s.original_language then s.created_at else t.updated_at end,
                       case when t.language = s.original_language and s.source_statement_id is null then
                           coalesce((select jsonb_agg(jsonb_build_object('name', g.name, 'roleTitle', g.role_title,
                                                                         'organization', g.organization)
                                                      order by g.position)
                                     from statement_signatories g where g.statement_id = s.id), '[]'::jsonb) end,
                       case when t.language = s.original_language and s.source_statement_id is null then
                           coalesce((select array_agg(c.organization_id order by c.position)
                                     from statement_cosigners c where c.statement_id = s.id), '{}') end
                from statements s
                join statement_texts t on t.statement_id = s.id
                where s.id in (select id from generated_statements)
                  and (s.source_statement_id is null or t.language = s.original_language)
                """);
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static void load(org.postgresql.copy.CopyManager copy, String table, CopyRows rows) throws SQLException {
        var in = copy.copyIn("copy " + table + " from stdin");
        finish(in, rows);
    }

    static void flushIfFull(CopyIn in, CopyRows rows) throws SQLException {
        if (rows.length() > (1 << 20)) {
            var bytes = rows.take().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
        }
    }

    static void finish(CopyIn in, CopyRows rows) throws SQLException {
        var bytes = rows.take().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            in.writeToCopy(bytes, 0, bytes.length);
        }
        in.endCopy();
    }

    private static Map<String, Long> counts(Connection connection) throws SQLException {
        var counts = new LinkedHashMap<String, Long>();
        try (var statement = connection.createStatement()) {
            for (var table : TABLES) {
                var rows = statement.executeQuery("select count(*) from " + table);
                rows.next();
                counts.put(table, rows.getLong(1));
            }
            var rows = statement.executeQuery("select count(*) from statements where status = 'PUBLISHED'");
            rows.next();
            counts.put("published statements", rows.getLong(1));
        }
        return counts;
    }

    private static void writeFiles(Request request, Map<String, Prose> prose, Map<String, Long> counts, double took)
            throws IOException {
        var directory = request.outputDirectory();
        Files.createDirectories(directory);
        for (var entry : prose.entrySet()) {
            Files.write(
                    directory.resolve("words-" + entry.getKey() + ".txt"),
                    entry.getValue().vocabulary().words(),
                    StandardCharsets.UTF_8);
        }
        var summary = new StringBuilder();
        summary.append("seed ").append(request.seed()).append('\n');
        summary.append("statements requested ").append(request.statements()).append('\n');
        if (request.until() != null) {
            summary.append("until ").append(request.until()).append('\n');
        }
        counts.forEach((table, count) ->
                summary.append(table).append(' ').append(count).append('\n'));
        summary.append("seconds ")
                .append(String.format(java.util.Locale.ROOT, "%.1f", took))
                .append('\n');
        summary.append("sign in as person1@")
                .append(Coalition.EMAIL_DOMAIN)
                .append(" (owner of the league) with the password ")
                .append(DemoData.PASSWORD)
                .append('\n');
        Files.writeString(directory.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
    }

    static double processCpuSeconds() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9
                : Double.NaN;
    }

    /** The CPU time of this connection's PostgreSQL process, when it runs on this machine (Linux). */
    static String backendCpu(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select pg_backend_pid()")) {
            rows.next();
            var stat = Path.of("/proc/" + rows.getInt(1) + "/stat");
            if (!Files.isReadable(stat)) {
                return "unknown";
            }
            var fields = Files.readString(stat).replaceFirst("^.*\\) ", "").split(" ");
            // utime and stime, fields 14 and 15 of the file, in clock ticks (100 per second on Linux)
            return String.format(
                    java.util.Locale.ROOT, "%.0f s", (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0);
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

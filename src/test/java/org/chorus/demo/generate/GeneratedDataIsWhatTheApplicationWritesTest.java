package org.chorus.demo.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.chorus.shared.cli.AdminCli;
import org.chorus.shared.cli.AdminCommand;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.markdown.Markdown;
import org.chorus.support.ClosingContexts;
import org.chorus.support.Html;
import org.chorus.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The data generator (issue 13) writes what the application writes: 300 statements generated into a database of their
 * own (created here on the tests' PostgreSQL, so no other test sees them) are listed, shown, found and fed like
 * statements written through the application, and the generator refuses a second run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = GeneratedDataIsWhatTheApplicationWritesTest.OwnDatabase.class)
@ExtendWith(ClosingContexts.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedDataIsWhatTheApplicationWritesTest {

    static final int STATEMENTS = 300;

    /** A database of its own, created before the application starts, so Flyway migrates it as it would a new one. */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            var name = "generated_" + UUID.randomUUID().toString().replace("-", "");
            var url = TestDatabase.jdbcUrl();
            try (var connection = DriverManager.getConnection(url, "postgres", "");
                    var statement = connection.createStatement()) {
                statement.execute("create database " + name);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "generated-database",
                            Map.of(
                                    "spring.datasource.url",
                                    url.replace("/postgres?", "/" + name + "?").replaceAll("/postgres$", "/" + name),
                                    "spring.datasource.username",
                                    "postgres",
                                    "spring.datasource.hikari.maximum-pool-size",
                                    "4",
                                    "chorus.data-keys",
                                    PersonalData.generateJson())));
        }
    }

    @Autowired
    GeneratingData generating;

    @Autowired
    GeneratingActions generatingActions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    List<AdminCommand> commands;

    @Autowired
    MessageSource messages;

    @TempDir
    static Path output;

    Map<String, Long> counts;

    @BeforeAll
    void generate() {
        assertThat(jdbc.sql("select current_database()").query(String.class).single())
                .startsWith("generated_");
        counts = generating.generate(
                new GeneratingData.Request(STATEMENTS, 7, null, output), new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void it_generates_the_statements_asked_for_with_their_texts_in_five_languages() {
        assertThat(counts.get("published statements")).isEqualTo(STATEMENTS);
        assertThat(count("select count(*) from statements where status = 'PUBLISHED'"))
                .isEqualTo(STATEMENTS);
        assertThat(count("select count(*) from statements where status in ('DRAFT', 'IN_REVIEW', 'RETRACTED')"))
                .isEqualTo(Archive.drafts(STATEMENTS) + Archive.inReview(STATEMENTS) + Archive.retracted(STATEMENTS));
        var languages = jdbc.sql("""
                        select original_language, count(*) from statements
                        where status = 'PUBLISHED' and source_statement_id is null group by original_language
                        """).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long originals = languages.values().stream().mapToLong(Long::longValue).sum();
        assertThat(languages.keySet()).containsExactlyInAnyOrder("en", "fr", "es", "ar", "de");
        assertThat(languages.get("en") / (double) originals).isBetween(0.35, 0.55);
        assertThat(languages.get("fr") / (double) originals).isBetween(0.12, 0.28);
        assertThat(languages.get("ar") / (double) originals).isBetween(0.06, 0.20);
        // every statement has its original text; some have published translations
        assertThat(count("""
                        select count(*) from statements s where not exists (select 1 from statement_texts t
                            where t.statement_id = s.id and t.language = s.original_language)
                        """)).isZero();
        assertThat(count("""
                        select count(*) from statement_texts t join statements s on s.id = t.statement_id
                        where t.language <> s.original_language and t.status = 'PUBLISHED'
                        """)).isGreaterThan(STATEMENTS / 10);
        assertThat(Files.exists(output.resolve("summary.txt"))).isTrue();
    }

    @Test
    void texts_are_rendered_and_derived_as_the_application_does() {
        var texts = jdbc.sql("""
                        select body, body_html, body_text, excerpt, search is not null as searchable
                        from statement_texts order by statement_id, language limit 40
                        """)
                .query((rs, n) ->
                        List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        assertThat(texts).hasSize(40);
        for (var text : texts) {
            var rendered = Markdown.render(text.get(0));
            assertThat(text.get(1)).isEqualTo(rendered.html());
            assertThat(text.get(2)).isEqualTo(rendered.plainText());
            assertThat(text.get(0).getBytes(StandardCharsets.UTF_8).length)
                    .isBetween(Prose.MIN_BODY, Prose.MAX_BODY + 512);
            assertThat(text.get(3))
                    .isEqualTo(
                            text.get(2).substring(0, Math.min(400, text.get(2).length())));
            assertThat(text.get(4)).isEqualTo("t");
        }
        // each text has the revision the application records, published with its statement
        assertThat(count("""
                        select count(*) from statement_texts t join statements s on s.id = t.statement_id
                        where not exists (select 1 from statement_revisions r where r.statement_id = t.statement_id
                                          and r.language = t.language and r.number = 1
                                          and r.published = (s.status in ('PUBLISHED', 'RETRACTED')))
                          and (s.source_statement_id is null or t.language = s.original_language)
                        """)).isZero();
        // a republication shows its original's texts and date, as Statements.followOriginal makes it
        assertThat(count("""
                        select count(*) from statements c join statements s on s.id = c.source_statement_id
                        join statement_texts o on o.statement_id = s.id
                        left join statement_texts ct on ct.statement_id = c.id and ct.language = o.language
                        where ct.body is distinct from o.body or c.issued_on <> s.issued_on
                        """)).isZero();
        assertThat(count("select count(*) from statements where source_statement_id is not null"))
                .isPositive();
        // each text carries its statement's dates (V1_327), which phrase searches sort by
        assertThat(count("""
                        select count(*) from statement_texts t join statements s on s.id = t.statement_id
                        where (t.issued_on, t.published_at) is distinct from (s.issued_on, s.published_at)
                        """)).isZero();
        // the indexes dropped for the load are built again as they were, statistics targets included
        assertThat(count("""
                        select count(*) from pg_attribute
                        where attrelid = 'statement_texts_pairs_english'::regclass and attstattarget = 10
                        """)).isOne();
    }

    @Test
    void the_public_list_a_statement_page_search_and_the_feed_show_generated_statements() throws Exception {
        var statement = jdbc.sql("""
                        select s.slug, t.title from statements s
                        join statement_texts t on t.statement_id = s.id and t.language = s.original_language
                        where s.status = 'PUBLISHED' and s.original_language = 'en' and s.source_statement_id is null
                        order by s.published_at desc limit 1
                        """)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                .single();
        mvc.perform(get("/statements"))
                .andExpect(status().isOk())
                .andExpect(Html.has("ol.statement-list li.statement-item"));
        mvc.perform(get("/s/" + statement.get(0)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(statement.get(1))));
        var words = Files.readAllLines(output.resolve("words-en.txt"));
        assertThat(words.size()).isGreaterThan(20_000);
        var search = mvc.perform(get("/search").param("q", words.get(0)))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(Html.parse(search).select("ol.statement-list li.statement-item"))
                .isNotEmpty();
        mvc.perform(get("/statements.atom"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<entry")));
        mvc.perform(get("/")).andExpect(status().isOk());
    }

    @Test
    void a_second_run_is_refused_and_changes_nothing() {
        long before = count("select count(*) from statements");
        assertThatThrownBy(() -> generating.generate(
                        new GeneratingData.Request(10, 7, null, output), new PrintStream(new ByteArrayOutputStream())))
                .isInstanceOf(GeneratingData.Refused.class)
                .hasMessageContaining("already holds generated data");
        var err = new ByteArrayOutputStream();
        int status = new AdminCli(
                        commands,
                        messages,
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of("generate", "--statements", "10"));
        assertThat(status).isEqualTo(AdminCommand.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already holds generated data");
        assertThat(count("select count(*) from statements")).isEqualTo(before);
    }

    @Test
    void actions_are_added_to_the_generated_archive_under_its_league_leaving_the_statements_as_they_were() {
        long statements = count("select count(*) from statements");
        long organizations = count("select count(*) from organizations");
        var actions = generatingActions.generate(
                new GeneratingActions.Request(400, 7, null, output), new PrintStream(new ByteArrayOutputStream()));
        assertThat(actions.get("actions")).isEqualTo(400);
        assertThat(count("select count(*) from statements")).isEqualTo(statements);
        assertThat(count("select count(*) from organizations")).isEqualTo(organizations);
        assertThat(count("""
                        select count(*) from campaigns c join organizations o on o.id = c.organization_id
                        where c.slug = '%s' and o.website = '%s'
                        """.formatted(DaysOfAction.SLUG, Coalition.MARK))).isOne();
    }

    @Test
    void a_missing_word_list_is_named_with_the_package_that_installs_it() {
        var missing = WordLists.missing(List.of(
                new WordLists.Source("fr", Path.of("/nonexistent/french"), "wfrench", false),
                WordLists.SOURCES.getFirst()));
        assertThat(missing).containsExactly("/nonexistent/french (apt-get install wfrench)");
    }

    @Test
    void the_same_seed_gives_the_same_archive_and_another_seed_another() {
        assertThat(fingerprint(7)).isEqualTo(fingerprint(7)).isNotEqualTo(fingerprint(8));
    }

    private static String fingerprint(long seed) {
        var prose = WordLists.load(seed).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new Prose(new Vocabulary(e.getKey(), e.getValue()))));
        var end = Instant.parse("2026-01-01T00:00:00Z");
        var coalition = new Coalition(prose, seed, end.minusSeconds(86_400L * 365 * 7), Set.of());
        var archive = new Archive(seed, 50, prose, coalition, end, Set.of());
        var out = new StringBuilder();
        coalition.organizations.forEach(o -> out.append(o).append('\n'));
        archive.statements.forEach(s -> {
            out.append(s.id())
                    .append(s.slug())
                    .append(s.publishedAt())
                    .append(s.topics())
                    .append('\n');
            if (!s.copy()) {
                archive.texts(s).forEach(t -> out.append(t).append('\n'));
            }
        });
        archive.comments.forEach(c -> out.append(c).append('\n'));
        return out.toString();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}

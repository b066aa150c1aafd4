package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.chorus.organizations.OrganizationId;
import org.chorus.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search reads its indexes, not every text, at realistic statistics (issue 13, decision 0024): a database of its own
 * (the other tests' database stays as it is) with thousands of texts in five languages whose words follow a Zipf-like
 * law, analyzed, and the plan PostgreSQL makes for the exact SQL search runs, for a rare word, a word in every text,
 * a phrase, an exclusion and with each filter.
 */
class SearchPlansTest {

    private static final String DATABASE = "chorus_search_plans";
    private static final int STATEMENTS = 6000;
    private static final OrganizationId ISSUER =
            new OrganizationId(UUID.fromString("00000000-0000-0000-0000-000000000007"));

    private static String url;
    private static JdbcTemplate admin;
    private static JdbcTemplate jdbc;
    private static StatementSearch search;
    /** A search runs in a read-only transaction, as the application runs it: its plan settings hold for the transaction. */
    private static org.springframework.transaction.support.TransactionTemplate transaction;

    @BeforeAll
    static void a_database_of_thousands_of_texts() throws SQLException {
        var server = TestDatabase.jdbcUrl();
        admin = new JdbcTemplate(new DriverManagerDataSource(server, "postgres", ""));
        admin.execute("drop database if exists " + DATABASE);
        admin.execute("create database " + DATABASE);
        url = server.replaceFirst("/postgres(\\?|$)", "/" + DATABASE + "$1");
        try (var probe = DriverManager.getConnection(url, "postgres", "")) {
            assertThat(probe.getCatalog()).isEqualTo(DATABASE);
        }
        var dataSource = new DriverManagerDataSource(url, "postgres", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
        generate();
        search = new StatementSearch(jdbc, java.time.Duration.ofSeconds(30));
        transaction = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.support.JdbcTransactionManager(dataSource));
        transaction.setReadOnly(true);
    }

    @AfterAll
    static void drop_the_database() {
        if (admin != null) {
            admin.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @Test
    void a_rare_word_is_looked_up_in_each_configurations_index() {
        var plan = plan(word("en", 4000), null, null);
        assertThat(sequentialScansOfTexts(plan)).isEmpty();
        assertThat(indexes(plan))
                .contains(
                        "statement_texts_search_english",
                        "statement_texts_search_french",
                        "statement_texts_search_spanish",
                        "statement_texts_search_arabic",
                        "statement_texts_search_simple");
    }

    @Test
    void a_word_is_searched_only_in_the_configurations_whose_texts_have_it() {
        // the synthetic Latin words are shared by every language written in Latin letters, never by Arabic texts
        assertThat(search.searchedConfigurations(word("en", 1), null))
                .containsExactlyInAnyOrder("chorus_english", "chorus_french", "chorus_spanish", "chorus_simple");
        assertThat(search.searchedConfigurations(word("ar", 1), null)).containsExactly("chorus_arabic");
        assertThat(search.searchedConfigurations(word("en", 1), "fr")).containsExactly("chorus_french");
        assertThat(search.searchedConfigurations("zzqqxxjj", null)).isEmpty();
        assertThat(search.searchedConfigurations("the and of", "en")).isEmpty();
        // a phrase: only its words are asked, which the words' index answers without reading a text's positions
        assertThat(search.searchedConfigurations('"' + word("ar", 1) + " " + word("ar", 2) + '"', null))
                .containsExactly("chorus_arabic");
        // the search of a word no text has is not planned at all
        assertThat(search.search("zzqqxxjj", null, null, 50)).isEmpty();
    }

    @Test
    void a_word_in_every_text_reads_neither_every_text_nor_every_match() {
        var plan = plan(word("en", 1), null, null);
        assertThat(sequentialScansOfTexts(plan)).isEmpty();
        assertThat(search.search(word("en", 1), null, null, 50)).hasSize(50);
    }

    @Test
    void phrases_exclusions_and_or_use_the_indexes_too() {
        for (var query : List.of(
                '"' + word("fr", 1) + " " + word("fr", 2) + '"',
                word("es", 1) + " -" + word("es", 3),
                word("de", 40) + " or " + word("de", 3000))) {
            assertThat(sequentialScansOfTexts(plan(query, null, null)))
                    .as(query)
                    .isEmpty();
        }
    }

    @Test
    void a_phrase_of_common_words_asks_the_index_of_adjacent_word_pairs_and_finds_them_side_by_side() {
        // each word in over half the English texts, side by side in a few dozen: walking the dates reads most texts
        var query = '"' + word("en", 20) + " " + word("en", 30) + '"';
        assertThat(indexes(plan(query, null, null))).contains("statement_texts_pairs_english");
        var hits = search.search(query, null, null, 50);
        assertThat(hits).isNotEmpty();
        for (var hit : hits) {
            assertThat(jdbc.queryForObject("""
                            select t.search @@ websearch_to_tsquery(chorus_search_config(t.language), ?)
                            from statements s join statement_texts t on t.statement_id = s.id
                            where s.slug = ? and t.language = ?""", Boolean.class, query, hit.slug(), hit.language()))
                    .as(hit.slug())
                    .isTrue();
        }
    }

    @Test
    void a_phrase_finds_its_newest_matches_whether_among_the_newest_statements_or_only_older_ones() {
        // phrases taken from texts beyond the newest statements read one by one (StatementSearch.PHRASE_WINDOW): some
        // common enough to fill a page among the newest, some found only through the index of word pairs
        var phrases = jdbc.queryForList("""
                select '"' || split_part(t.body_text, ' ', 10) || ' ' || split_part(t.body_text, ' ', 11) || '"'
                from statements s join statement_texts t on t.statement_id = s.id and t.language = 'en'
                where s.status = 'PUBLISHED' and t.status = 'PUBLISHED' and s.source_statement_id is null
                order by s.issued_on desc, s.published_at desc
                offset ? limit 6""", String.class, StatementSearch.PHRASE_WINDOW + 500);
        var beyondTheWindow = 0;
        for (var phrase : phrases) {
            var newest = jdbc.queryForList("""
                    select s.slug from statements s join statement_texts t on t.statement_id = s.id and t.language = 'en'
                    where s.status = 'PUBLISHED' and t.status = 'PUBLISHED' and s.source_statement_id is null
                      and t.search @@ websearch_to_tsquery('chorus_english', ?)
                    order by s.issued_on desc, s.published_at desc
                    limit ?""", String.class, phrase, StatementSearch.MATCHES_PER_CONFIGURATION);
            var found = search.search(phrase, "en", null, 50).stream()
                    .map(StatementSearch.Hit::slug)
                    .toList();
            assertThat(found).as(phrase).containsAll(newest);
            var window = jdbc.queryForObject(
                    """
                    select count(*) from (select s.slug from statements s where s.status = 'PUBLISHED'
                                          order by s.issued_on desc, s.published_at desc limit ?) w
                    where w.slug = any(?)""", Integer.class, StatementSearch.PHRASE_WINDOW, newest.toArray(String[]::new));
            beyondTheWindow += newest.size() - window;
        }
        assertThat(beyondTheWindow)
                .as("matches found beyond the newest statements")
                .isPositive();
    }

    @Test
    void an_exclusion_finds_the_newest_titles_with_the_word_and_no_text_with_the_excluded_one() {
        var query = word("en", 3) + " -" + word("en", 40);
        var titles =
                jdbc.queryForList("""
                select s.slug from statements s join statement_texts t on t.statement_id = s.id and t.language = 'en'
                where s.status = 'PUBLISHED' and t.status = 'PUBLISHED' and s.source_statement_id is null
                  and to_tsvector('chorus_english', t.title) @@ websearch_to_tsquery('chorus_english', ?)
                  and t.search @@ websearch_to_tsquery('chorus_english', ?)
                order by s.issued_on desc, s.published_at desc
                limit ?""", String.class, query, query, StatementSearch.TITLE_MATCHES_PER_CONFIGURATION);
        assertThat(titles).isNotEmpty();
        var hits = search.search(query, "en", null, 50);
        assertThat(hits.stream().map(StatementSearch.Hit::slug)).containsAll(titles);
        for (var hit : hits) {
            assertThat(jdbc.queryForObject("""
                            select t.search @@ websearch_to_tsquery('chorus_english', ?)
                            from statements s join statement_texts t on t.statement_id = s.id
                            where s.slug = ? and t.language = ?""", Boolean.class, query, hit.slug(), hit.language()))
                    .as(hit.slug())
                    .isTrue();
        }
    }

    @Test
    void a_language_filter_asks_only_that_languages_configuration() {
        for (var language : List.of("fr", "de")) {
            var plan = plan(word(language, 4000), language, null);
            assertThat(sequentialScansOfTexts(plan)).isEmpty();
            assertThat(indexes(plan))
                    .filteredOn(index -> index.startsWith("statement_texts_search_"))
                    .containsOnly(
                            language.equals("fr") ? "statement_texts_search_french" : "statement_texts_search_simple");
        }
        assertThat(sequentialScansOfTexts(plan(word("ar", 1), "ar", null))).isEmpty();
    }

    @Test
    void a_common_word_with_a_language_filter_walks_the_newest_statements_and_finds_that_language_only() {
        for (var language : List.of("en", "fr", "de")) {
            var query = word(language, 1);
            assertThat(indexes(plan(query, language, null))).as(language).contains("statements_listed");
            assertThat(search.search(query, language, null, 20))
                    .as(language)
                    .hasSize(20)
                    .allSatisfy(hit -> assertThat(hit.language()).isEqualTo(language));
        }
    }

    @Test
    void every_configuration_but_the_shared_one_serves_a_single_language() {
        var definition =
                jdbc.queryForObject("select pg_get_functiondef('chorus_search_config'::regproc)", String.class);
        for (var configuration : StatementSearch.CONFIGURATIONS) {
            var languages = java.util.regex.Pattern.compile("WHEN '[^']+'::text THEN '" + configuration + "'")
                    .matcher(definition)
                    .results()
                    .count();
            assertThat(languages)
                    .as(configuration)
                    .isEqualTo(configuration.equals(StatementSearch.SHARED_CONFIGURATION) ? 0 : 1);
        }
        assertThat(definition).contains("ELSE '" + StatementSearch.SHARED_CONFIGURATION + "'");
    }

    @Test
    void an_organization_filter_uses_the_indexes() {
        assertThat(sequentialScansOfTexts(plan(word("en", 1), null, ISSUER))).isEmpty();
        assertThat(sequentialScansOfTexts(plan(word("es", 4000), "es", ISSUER))).isEmpty();
    }

    @Test
    void stop_words_punctuation_and_another_script_find_nothing_without_reading_every_text() {
        for (var query : List.of("the and of", "«»!?—", word("ar", 2), "x".repeat(200), "\"unbalanced OR -(")) {
            assertThat(sequentialScansOfTexts(plan(query, "en", null)))
                    .as(query)
                    .isEmpty();
            assertThat(search.search(query, "en", null, 50)).as(query).isEmpty();
        }
    }

    @Test
    void a_long_query_of_many_words_uses_the_indexes() {
        var query = new StringBuilder();
        for (int rank = 1; query.length() < 190; rank += 97) {
            query.append(word("en", rank)).append(rank % 2 == 0 ? " or " : " ");
        }
        assertThat(sequentialScansOfTexts(plan(query.toString().strip(), null, null)))
                .isEmpty();
    }

    @Test
    void each_search_is_planned_for_its_own_words_though_its_text_is_parsed_once_per_connection() throws SQLException {
        try (var connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.setAutoCommit(false);
            var one = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            var searching = new StatementSearch(one, java.time.Duration.ofSeconds(30));
            for (int i = 0; i < 4; i++) {
                searching.search(word("en", 1), null, null, 50);
                searching.search(word("en", 4000), null, null, 50);
            }
            // one prepared statement per set of configurations searched (a common word is in every Latin script
            // language, a rare one in fewer), each planned anew for every search
            var plans = one.queryForMap("select sum(generic_plans) as generic_plans, sum(custom_plans) as custom_plans"
                    + " from pg_prepared_statements where statement like '%with candidates as%'");
            assertThat(plans).containsEntry("generic_plans", java.math.BigDecimal.ZERO);
            assertThat(((Number) plans.get("custom_plans")).intValue()).isEqualTo(8);
            // PostgreSQL would choose a generic plan once it costs about as much as the custom ones had
            assertThat(one.queryForObject("select current_setting('plan_cache_mode')", String.class))
                    .isEqualTo("force_custom_plan");
            connection.rollback();
        }
    }

    private static JsonNode plan(String query, String language, OrganizationId organization) {
        return JsonMapper.builder().build().readTree((String)
                transaction.execute(status -> search.plan(query, language, organization, 50)));
    }

    /**
     * The nodes of the plans that read statement_texts from start to end: any in the search itself, and any in the probe
     * of the configurations (which asks whether a configuration has a match at all) but one that stops at the first
     * match — what the planner chooses for a word its statistics find in most texts.
     */
    private static List<String> sequentialScansOfTexts(JsonNode plan) {
        var scans = sequentialScans(plan.path("search"));
        sequentialScans(plan.path("probe")).stream()
                .filter(scan -> !scan.contains("\"Parent Relationship\":\"InitPlan\""))
                .forEach(scans::add);
        return scans;
    }

    /** Sequential scans of statement_texts anywhere in a plan. */
    private static List<String> sequentialScans(JsonNode plan) {
        var scans = new ArrayList<String>();
        visit(plan, node -> {
            if (node.path("Node Type").asString("").contains("Seq Scan")
                    && node.path("Relation Name").asString("").equals("statement_texts")) {
                scans.add(node.toString());
            }
        });
        return scans;
    }

    private static List<String> indexes(JsonNode plan) {
        var names = new ArrayList<String>();
        visit(plan, node -> {
            if (node.has("Index Name")) {
                names.add(node.path("Index Name").asString());
            }
        });
        return names;
    }

    private static void visit(JsonNode node, java.util.function.Consumer<JsonNode> action) {
        if (node.isObject()) {
            action.accept(node);
        }
        for (var child : node) {
            visit(child, action);
        }
    }

    /**
     * The word of this rank in a language's synthetic vocabulary: letters for the digits of the rank, Latin or
     * Arabic, so every configuration's parser sees a word.
     */
    private static String word(String language, int rank) {
        var letters = language.equals("ar") ? "ابتثجحخدذر" : "bcdfghklmn";
        var word = new StringBuilder(language.equals("ar") ? "س" : "zu");
        for (var digit : Integer.toString(rank).toCharArray()) {
            word.append(letters.charAt(digit - '0')).append(language.equals("ar") ? "و" : "a");
        }
        return word.toString();
    }

    /**
     * Thousands of published statements over six years in five languages, some translated, some republished, some
     * retracted, whose words follow a Zipf-like law (rank = e^(uniform · ln 5000)), then ANALYZE, so the planner sees
     * what it would see in production.
     */
    private static void generate() {
        jdbc.execute("""
                create function plan_word(language text, rank int) returns text language sql immutable return
                    case when language = 'ar' then 'س' || regexp_replace(translate(rank::text, '0123456789', 'ابتثجحخدذر'), '(.)', '\\1و', 'g')
                         else 'zu' || regexp_replace(translate(rank::text, '0123456789', 'bcdfghklmn'), '(.)', '\\1a', 'g') end
                """);
        jdbc.execute("""
                create function plan_words(language text, n int, seed int) returns text language sql volatile return
                    (select string_agg(plan_word(language, least(5000, floor(exp(random() * ln(5000)))::int)), ' ')
                     from generate_series(1, n + seed * 0))
                """);
        jdbc.update("""
                insert into statements (id, slug, issuer_id, original_language, status, issued_on, published_at,
                    created_by, created_at, updated_at)
                select gen_random_uuid(), 'plan-' || i,
                       ('00000000-0000-0000-0000-' || lpad(to_hex(1 + i % 40), 12, '0'))::uuid,
                       (array['en', 'en', 'en', 'en', 'fr', 'fr', 'es', 'es', 'ar', 'de'])[1 + i % 10],
                       case when i % 97 = 0 then 'RETRACTED' when i % 211 = 0 then 'DRAFT' else 'PUBLISHED' end,
                       date '2020-01-01' + i * 2191 / ?, timestamptz '2020-01-01 09:00Z' + i * interval '8 hours',
                       gen_random_uuid(), now(), now()
                from generate_series(1, ?) i
                """, STATEMENTS, STATEMENTS);
        jdbc.update("""
                update statements s set source_statement_id = o.id
                from statements o
                where split_part(s.slug, '-', 2)::int % 33 = 5 and o.slug = 'plan-' || (split_part(s.slug, '-', 2)::int - 5)
                """);
        jdbc.update("""
                insert into statement_texts (statement_id, language, title, body, body_html, body_text, status, updated_at)
                select id, language, plan_words(language, 6, i), '', '', plan_words(language, 150, i), 'PUBLISHED', now()
                from (select s.id, s.original_language as language, split_part(s.slug, '-', 2)::int as i from statements s
                      union all
                      select s.id, (array['fr', 'es', 'de', 'en', 'ar'])[1 + split_part(s.slug, '-', 2)::int / 5 % 5],
                             -split_part(s.slug, '-', 2)::int
                      from statements s
                      where split_part(s.slug, '-', 2)::int % 5 = 1) texts
                on conflict do nothing
                """);
        jdbc.execute("vacuum analyze statements");
        jdbc.execute("vacuum analyze statement_texts");
    }
}

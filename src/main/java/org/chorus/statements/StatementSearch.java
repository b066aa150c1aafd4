package org.chorus.statements;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.DomainException;
import org.postgresql.PGStatement;
import org.postgresql.jdbc.PgStatement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.stereotype.Repository;

/**
 * Full-text search over published statement texts, built so PostgreSQL answers from its indexes at any size
 * (decision 0024). A text is searched in its language's configuration ({@code chorus_search_config}); the query asks
 * each configuration on its own, with that configuration's constant tsquery, so the planner can use the GIN
 * indexes of V1_210 (a tsquery computed per row, as before, can use no index). Each configuration contributes a
 * bounded set of candidates, the most recent matches and the most recent title matches, chosen through the GIN index
 * for rare words or by walking the date index for common ones, as the planner estimates; only those are ranked and
 * only the rows shown get a snippet.
 */
@Repository
class StatementSearch {

    /** The configurations of V1_003, each with its own indexes (V1_210). */
    static final List<String> CONFIGURATIONS =
            List.of("chorus_english", "chorus_french", "chorus_spanish", "chorus_arabic", "chorus_simple");

    /** The configuration of every language PostgreSQL has no stemmer for here (V1_003). */
    static final String SHARED_CONFIGURATION = "chorus_simple";

    /** Recent matches anywhere in a text taken from each configuration before ranking: one page of results. */
    static final int MATCHES_PER_CONFIGURATION = 20;

    /** Recent title matches taken from each configuration before ranking, however many bodies match too. */
    static final int TITLE_MATCHES_PER_CONFIGURATION = 10;

    /**
     * The snippet is first looked for in the body's first characters (cut at a space), where a common word nearly
     * always is: {@code ts_headline} parses all the text it is given, about 0.35 ms for a body of 3.5 KB, and 20
     * bodies are shown. Only a body whose match lies further is parsed whole.
     */
    static final int HEADLINE_PREFIX = 1000;

    /**
     * A match further in is looked for in a window around where a word of the query first seems to appear (a word
     * beginning as one of the query's lexemes): this many characters before it and {@link #WINDOW_AFTER} from it, about
     * 0.15 ms instead of 0.45 ms for the first characters then the whole body. When the guess is wrong (an accent the
     * query lacks, a stem that is no prefix) the headline holds no match and the whole body is parsed, as before.
     */
    static final int WINDOW_BEFORE = 300;

    static final int WINDOW_AFTER = 600;

    /**
     * A lexeme ({@code l.lexeme}) as the start of a word to look for: less its last letter, any other sign any sign, and
     * each vowel, c, n and y as itself or with an accent, since every configuration removes accents ({@code unaccent}):
     * "empresur" finds "emprésurait" (else the whole body of a French text was parsed, 0.4 ms each).
     */
    private static final String LEXEME_PREFIX;

    static {
        var prefix = "regexp_replace(case when length(l.lexeme) > 4 then left(l.lexeme, -1)"
                + " else l.lexeme end, '[^[:alnum:]]', '.', 'g')";
        for (var letter : List.of(
                List.of("a", "[aàáâãäå]"),
                List.of("e", "[eèéêë]"),
                List.of("i", "[iìíîï]"),
                List.of("o", "[oòóôõö]"),
                List.of("u", "[uùúûü]"),
                List.of("c", "[cç]"),
                List.of("n", "[nñ]"),
                List.of("y", "[yýÿ]"))) {
            prefix = "replace(" + prefix + ", '" + letter.get(0) + "', '" + letter.get(1) + "')";
        }
        LEXEME_PREFIX = prefix;
    }

    /** A statement text that matches a search, with its issuer's and republishers' ids (the page shows names). */
    record Hit(
            String slug,
            String language,
            boolean original,
            String title,
            String snippet,
            OrganizationId issuer,
            LocalDate issuedOn,
            DatePrecision issuedPrecision,
            List<OrganizationId> republishers,
            double rank) {}

    private final JdbcTemplate jdbc;
    /** How long one search may run before PostgreSQL stops it ({@code chorus.search.timeout}). */
    private volatile Duration timeout;

    StatementSearch(JdbcTemplate jdbc, @Value("${chorus.search.timeout:1500ms}") Duration timeout) {
        this.jdbc = jdbc;
        this.timeout = timeout;
    }

    /**
     * Published statement texts matching a web-search style query (quotes, OR, -word) in each text's own language
     * configuration, accent-insensitive: title matches first, then by rank, then the newest, with highlighted
     * snippets. Retracted statements are not found; a statement republished here is found once, as its original,
     * unless the search is within one organization.
     */
    List<Hit> search(String query, String language, OrganizationId organization, int limit) {
        if (onlyExclusions(query)) {
            throw DomainException.invalid("search.no-words");
        }
        try {
            return query.contains("\"")
                    ? phrase(query, language, organization, limit)
                    : run(query, language, organization, limit, (rs, i) -> hit(rs));
        } catch (DataAccessException e) {
            if (cancelled(e)) {
                throw DomainException.invalid("search.too-broad");
            }
            throw e;
        }
    }

    /**
     * Whether a web-search query only excludes words ({@code -word}, {@code -"a phrase"}) and asks for none: it would
     * match nearly every text, and no index can find the texts that lack a word. Punctuation alone is not that.
     */
    static boolean onlyExclusions(String query) {
        var terms = terms(query);
        return !terms.isEmpty() && terms.stream().allMatch(term -> term.startsWith("-"));
    }

    /** Whether a web-search query excludes a word or a phrase ({@code -word}, {@code -"a phrase"}). */
    static boolean excludes(String query) {
        return terms(query).stream().anyMatch(term -> term.startsWith("-"));
    }

    /**
     * The quoted phrases every match must hold, one per line, for the index of adjacent word pairs (V1_240); empty when
     * there is none or when the query offers alternatives ({@code or}: a match need hold none of them in particular).
     * A phrase the query excludes is not one of them.
     */
    static String requiredPhrases(String query) {
        var tokens = tokens(query);
        if (tokens.stream().anyMatch(token -> token.equalsIgnoreCase("or"))) {
            return "";
        }
        return tokens.stream()
                .filter(token -> token.startsWith("\""))
                .map(token -> WHITESPACE
                        .matcher(token.replace("\"", " "))
                        .replaceAll(" ")
                        .strip())
                .filter(phrase -> !phrase.isEmpty())
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The words a match holds, for finding them in its text: the query without what it excludes, quotes and {@code or}. */
    static String wordsAskedFor(String query) {
        return terms(query).stream()
                .filter(term -> !term.startsWith("-"))
                .map(term -> term.replace("\"", " ").strip())
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /**
     * The query without what it excludes ({@code -word}, {@code -"a phrase"}), alternatives kept: what a title must have
     * to match it, found through the titles' index before the whole query is checked.
     */
    static String asked(String query) {
        return tokens(query).stream()
                .filter(token -> !token.startsWith("-"))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** The web-search tokens that ask for or exclude something: neither {@code or} nor punctuation alone. */
    private static List<String> terms(String query) {
        return tokens(query).stream()
                .filter(token -> !token.equalsIgnoreCase("or"))
                .filter(token -> token.codePoints().anyMatch(Character::isLetterOrDigit))
                .toList();
    }

    /** The web-search tokens of a query: words, {@code or}, and phrases in quotes, each maybe after a {@code -}. */
    private static List<String> tokens(String query) {
        return TOKENS.matcher(query)
                .results()
                .map(java.util.regex.MatchResult::group)
                .toList();
    }

    private static final Pattern TOKENS = Pattern.compile("-?\"[^\"]*\"?|[^\\s\"]+");

    /** Sets how long a search may run and returns the previous bound: for the test of the guard. */
    Duration timeout(Duration bound) {
        var previous = timeout;
        timeout = bound;
        return previous;
    }

    /** PostgreSQL stopped the statement: its timeout (SQLSTATE 57014, query_canceled). */
    private static boolean cancelled(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL's plans for this search, as JSON, run the way {@link #search} runs it: the look-up of the configurations
     * whose texts have its words, then the search itself (when any has): for the plan test.
     */
    String plan(String query, String language, OrganizationId organization, int limit) {
        var parameters = parameters(query, language, organization, limit);
        var explain = "explain (format json) ";
        var probe = String.join(
                "\n", execute(explain + configurationsSql(), parameters, (rs, i) -> rs.getString(1), timeout));
        var configurations = configurations(parameters, timeout);
        var search = configurations.isEmpty()
                ? "[]"
                : String.join(
                        "\n",
                        execute(
                                explain + sql(configurations, query, language, organization, false),
                                parameters,
                                (rs, i) -> rs.getString(1),
                                timeout));
        return "{\"probe\": " + probe + ", \"search\": " + search + "}";
    }

    private <T> List<T> run(String query, String language, OrganizationId organization, int limit, RowMapper<T> rows) {
        return run(query, language, organization, limit, rows, false, timeout);
    }

    /**
     * The search, asked only of the configurations whose published texts have its words ({@link #configurations}): a
     * query in one language is planned as one configuration's branches, not ten, and a query no text answers is not
     * planned at all.
     */
    private <T> List<T> run(
            String query,
            String language,
            OrganizationId organization,
            int limit,
            RowMapper<T> rows,
            boolean phraseFromIndex,
            Duration bound) {
        var parameters = parameters(query, language, organization, limit);
        var configurations = configurations(parameters, bound);
        if (configurations.isEmpty()) {
            return List.of();
        }
        // the probe set the plans for the transaction
        return execute(
                sql(configurations, query, language, organization, phraseFromIndex), parameters, rows, bound, false);
    }

    private String sql(
            List<Probed> configurations,
            String query,
            String language,
            OrganizationId organization,
            boolean phraseFromIndex) {
        return sql(configurations, language != null, organization != null, phraseFromIndex, excludes(query));
    }

    /** The configurations a search is asked of ({@link #configurations}): for the plan test. */
    List<String> searchedConfigurations(String query, String language) {
        return configurations(parameters(query, language, null, 1), timeout).stream()
                .map(Probed::configuration)
                .toList();
    }

    /**
     * A configuration some published text of which has the query's words, and whether the phrases every match must hold
     * have adjacent word pairs in it (then its matches are found through the index of word pairs, V1_240; "right to
     * housing" has none in English, whose stop word leaves a gap).
     */
    record Probed(String configuration, boolean pairs) {}

    /**
     * The configurations (of {@link #CONFIGURATIONS}) in which some published text has the query's words, each probed
     * until its first such text: through its words' index for a rare word, in whatever order the planner reads fastest
     * for a word it knows to be in most texts (found at once). For a query that must hold a phrase only its words are
     * asked (the index answers that exactly; the phrase would be checked text by text), which is enough to leave out a
     * configuration whose texts cannot match. With a language filter, only that language's configuration. About 1 ms,
     * for 2–6 ms less planning: a query in one language is planned as that configuration's branches, not ten.
     */
    private List<Probed> configurations(MapSqlParameterSource parameters, Duration bound) {
        return execute(
                configurationsSql(), parameters, (rs, i) -> new Probed(rs.getString(1), rs.getBoolean(2)), bound);
    }

    static String configurationsSql() {
        var branches = new ArrayList<String>();
        for (var configuration : CONFIGURATIONS) {
            branches.add("""
                    select '%1$s' as configuration
                    where querytree(websearch_to_tsquery('%1$s'::regconfig, :probe)) not in ('', 'T')
                      and (cast(:language as text) is null or chorus_search_config(cast(:language as text)) = '%1$s'::regconfig)
                      and exists (select 1 from statement_texts t
                                  where (case when chorus_search_config(t.language) = '%1$s'::regconfig then t.search end)
                                        @@ websearch_to_tsquery('%1$s'::regconfig, :probe)
                                    and t.status = 'PUBLISHED')""".formatted(configuration));
        }
        // the pairs of the phrases only for the configurations found (a column, not a constant folded for all five)
        return "select c.configuration, cardinality(chorus_phrase_pairs(cast(c.configuration as regconfig),"
                + " string_to_array(cast(:phrases as text), chr(10)))) > 0 from (\n"
                + String.join("\nunion all\n", branches) + "\n) c";
    }

    /** Runs the first statement of a search, setting how its statements are planned for the rest of the transaction. */
    private <T> List<T> execute(String text, MapSqlParameterSource parameters, RowMapper<T> rows, Duration bound) {
        return execute(text, parameters, rows, bound, true);
    }

    private <T> List<T> execute(
            String text, MapSqlParameterSource parameters, RowMapper<T> rows, Duration bound, boolean first) {
        var parsed = NamedParameterUtils.parseSqlStatement(text);
        var sql = NamedParameterUtils.substituteNamedParameters(parsed, parameters);
        var values = NamedParameterUtils.buildValueArray(parsed, parameters, null);
        return jdbc.query(
                connection -> {
                    if (first) {
                        customPlans(connection);
                    }
                    var statement = connection.prepareStatement(sql);
                    keptParsed(connection, statement);
                    // the runaway guard: pgjdbc asks PostgreSQL to cancel it past the bound; search() says "too broad"
                    statement.unwrap(PgStatement.class).setQueryTimeoutMs(bound.toMillis());
                    for (int i = 0; i < values.length; i++) {
                        statement.setObject(i + 1, values[i]);
                    }
                    return statement;
                },
                rows);
    }

    /**
     * A phrase: first as any search, walking the dates, which finds a common phrase ("climate change") at once; if
     * that has not ended within {@link #PHRASE_WALK} the phrase is rare among texts having its words, and the walk
     * could read every statement (the planner estimates a phrase as frequent as its words), so its words' texts are
     * taken from the index and the phrase checked on them (0.1 s rather than 1.5 s for 5,000 such texts at 100,000
     * statements). The first attempt is undone to a savepoint, so the transaction goes on. A phrase of two words or
     * more that every match must hold goes to the index of adjacent word pairs at once ({@link #byWordPairs}).
     */
    private List<Hit> phrase(String query, String language, OrganizationId organization, int limit) {
        if (!requiredPhrases(query).isEmpty()) {
            // in a configuration where the phrases have no pair (one word), its branch walks the dates as before
            return run(query, language, organization, limit, (rs, i) -> hit(rs), false, timeout);
        }
        var walk = PHRASE_WALK.compareTo(timeout) < 0 ? PHRASE_WALK : timeout;
        return jdbc.execute((ConnectionCallback<List<Hit>>) connection -> {
            var savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
            try {
                return run(query, language, organization, limit, (rs, i) -> hit(rs), false, walk);
            } catch (DataAccessException e) {
                if (!cancelled(e) || walk.equals(timeout)) {
                    throw e;
                }
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
            }
            return run(query, language, organization, limit, (rs, i) -> hit(rs), true, timeout.minus(walk));
        });
    }

    /** How long a phrase search walks the dates before it asks the index instead. */
    static final Duration PHRASE_WALK = Duration.ofMillis(150);

    /**
     * Plans each search for its own words, in this transaction: a generic plan cannot tell a word in every text (walk
     * the dates) from a rare one (use the index). Without parallel workers: a search reads a few thousand rows at most,
     * where starting workers costs more than it saves, and on a small server the cores serve other requests.
     */
    private static void customPlans(java.sql.Connection connection) throws SQLException {
        try (var set = connection.createStatement()) {
            set.execute("select set_config('plan_cache_mode', 'force_custom_plan', true),"
                    + " set_config('max_parallel_workers_per_gather', '0', true)");
        }
    }

    /**
     * Prepares the search on the connection from its first run and keeps it there, so PostgreSQL parses its text (1 ms)
     * once per connection and only plans it, for the words of each search ({@link #customPlans}).
     */
    private static void keptParsed(java.sql.Connection connection, PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            // outside a transaction the custom plans would not hold beyond the setting's own statement
            statement.unwrap(PGStatement.class).setPrepareThreshold(connection.getAutoCommit() ? 0 : 1);
        }
    }

    static MapSqlParameterSource parameters(String query, String language, OrganizationId organization, int limit) {
        return new MapSqlParameterSource()
                .addValue("query", query)
                .addValue("language", language)
                .addValue("org", organization == null ? null : organization.value())
                .addValue("phrases", requiredPhrases(query))
                .addValue("words", wordsAskedFor(query))
                .addValue("asked", asked(query))
                // what the configurations are probed for: a phrase's words, or the query itself
                .addValue("probe", requiredPhrases(query).isEmpty() ? query : wordsAskedFor(query))
                .addValue("limit", limit);
    }

    /**
     * The SQL for the filters in use; for a query with a phrase, each configuration's matches are taken from its
     * index and sorted rather than by walking the dates: the planner estimates a phrase as frequent as its words
     * together, and walking the dates for a rare phrase of common words read every statement (1.5 s at 100,000).
     * With {@code pairs}, a match must also hold every adjacent word pair of the {@code :phrases} (one per line).
     */
    static String sql(
            List<Probed> configurations, boolean byLanguage, boolean byOrganization, boolean phrase, boolean excludes) {
        var branches = new ArrayList<String>();
        for (var probed : configurations) {
            var configuration = probed.configuration();
            var pairs = probed.pairs();
            branches.add(candidates(configuration, false, byLanguage, byOrganization, phrase, excludes, pairs));
            branches.add(candidates(configuration, true, byLanguage, byOrganization, phrase, excludes, pairs));
        }
        return """
                with candidates as (
                %s
                ),
                ranked as (
                    select c.statement_id, c.language, c.issued_on, c.published_at,
                           to_tsvector(chorus_search_config(t.language), t.title) @@ q as in_title,
                           ts_rank_cd(t.search, q) as rank
                    from (select distinct statement_id, language, issued_on, published_at from candidates) c
                    join statement_texts t on t.statement_id = c.statement_id and t.language = c.language
                    cross join lateral websearch_to_tsquery(chorus_search_config(t.language), :query) as q
                    order by in_title desc, rank desc, c.issued_on desc, c.published_at desc
                    limit :limit
                )
                select s.slug, t.language, t.language = s.original_language as original, t.title,
                       -- the whole body is parsed only when the guess missed and the body has a word of the query
                       -- (for a phrase, the phrase): a match in the title alone (ranked first) has nothing in the body
                       -- to highlight
                       case when strpos(h.head, chr(2)) > 0 or length(t.body_text) <= %2$d
                                 or not ts_filter(t.search, '{c}')
                                        @@ (case when cast(:phrases as text) <> '' then h.q else h.any_word end)
                            then h.head
                            else ts_headline(chorus_search_config(t.language), t.body_text, h.q, h.options) end
                           as snippet,
                       s.issuer_id, s.issued_on, s.issued_precision, r.rank,
                       array(select p.issuer_id from statements p
                             where p.source_statement_id = s.id and p.status = 'PUBLISHED'
                             order by p.published_at) as republishers
                from ranked r
                join statements s on s.id = r.statement_id
                join statement_texts t on t.statement_id = r.statement_id and t.language = r.language
                cross join lateral (
                    select q, options, any_word,
                           ts_headline(chorus_search_config(t.language),
                               case when length(t.body_text) <= %2$d then t.body_text
                                    when w.at > %2$d - %4$d
                                    then regexp_replace(regexp_replace(substr(t.body_text, w.at - %3$d, %3$d + %4$d),
                                             '^\\S*\\s', ''), '\\S*$', '')
                                    else regexp_replace(left(t.body_text, %2$d), '\\S*$', '') end,
                               q, options) as head
                    from websearch_to_tsquery(chorus_search_config(t.language), :query) as q,
                         -- any of the query's words, as the body's part of the vector (weight C) holds them
                         (select cast(coalesce(string_agg(quote_literal(l), ' | '), '') as tsquery) as any_word
                          from unnest(tsvector_to_array(to_tsvector(chorus_search_config(t.language),
                              cast(:words as text)))) as l) a,
                         (select 'StartSel=' || chr(2) || ', StopSel=' || chr(3)
                          || ', MaxFragments=2, MinWords=8, MaxWords=30, FragmentDelimiter=" … "' as options) o,
                         -- where the query first seems to appear: its first phrase's words in order (up to two
                         -- words between, the phrase's stop words), else a word starting as one of its lexemes (less
                         -- the last letter, which stemming often changed); a guess, checked by the headline
                         (select coalesce(regexp_instr(t.body_text, coalesce(
                                     (select '\\m' || string_agg(%5$s, '\\w*\\W+(?:\\w+\\W+){0,2}'
                                                 order by l.positions[1])
                                      from unnest(to_tsvector(chorus_search_config(t.language),
                                          split_part(cast(:phrases as text), chr(10), 1))) as l
                                      having count(*) > 1),
                                     (select '\\m(' || string_agg(%5$s, '|') || ')'
                                      from unnest(to_tsvector(chorus_search_config(t.language),
                                          cast(:words as text))) as l)), 1, 1, 0, 'i'), 0) as at) w
                    offset 0 -- kept a sub-query: pulled up, its headline would be computed once per reference
                ) h
                order by r.in_title desc, r.rank desc, r.issued_on desc, r.published_at desc
                """.formatted(
                String.join("\nunion all\n", branches), HEADLINE_PREFIX, WINDOW_BEFORE, WINDOW_AFTER, LEXEME_PREFIX);
    }

    /**
     * One configuration's most recent matches (or title matches), newest first as the {@code statements_listed}
     * index is ordered. Every predicate names the configuration as a constant, so it matches that configuration's indexes.
     * The {@code querytree} condition is a constant too: the planner drops a branch whose query has no word to look for
     * in that configuration (stop words only, or only exclusions), instead of walking every text that lacks a word.
     */
    private static String candidates(
            String configuration,
            boolean titles,
            boolean byLanguage,
            boolean byOrganization,
            boolean phrase,
            boolean excludes,
            boolean pairs) {
        var filters = new StringBuilder();
        if (byLanguage) {
            // a constant condition: the planner drops the other configurations' branches for the language asked
            filters.append(" and chorus_search_config(cast(:language as text)) = '%1$s'::regconfig");
            if (configuration.equals(SHARED_CONFIGURATION)) {
                // the one configuration several languages share; a function the planner cannot see into (V1_216), so
                // it does not take "German" and "a match among texts searched without stemming" as independent (the
                // second nearly implies the first) and estimate a common word's 6,000 matches as 300 to sort
                filters.append(" and chorus_text_in_language(t.language, :language)");
            }
            // every other configuration serves one language only: the constant condition says it all
        }
        if (byOrganization) {
            filters.append(" and s.issuer_id = :org");
        } else {
            // a scalar sub-select, looked up by primary key for the few republications only: written as NOT EXISTS,
            // the planner hashes every published statement first
            filters.append(" and (s.source_statement_id is null or (select o.status from statements o"
                    + " where o.id = s.source_statement_id) is distinct from 'PUBLISHED')");
        }
        if (pairs) {
            return titles
                    ? titlesByWordPairs(configuration, filters.toString(), excludes)
                    : byWordPairs(configuration, filters.toString());
        }
        if (titles && excludes) {
            return titlesExcluding(configuration, filters.toString(), phrase);
        }
        var search = "(case when chorus_search_config(t.language) = '%1$s'::regconfig then t.search end)"
                + " @@ websearch_to_tsquery('%1$s'::regconfig, :query)";
        if (titles) {
            // the vector holds the title's words, so a title match is a match (a query that excludes a word, which the
            // body must lack too, goes to titlesExcluding); without a redundant condition on the body the planner does
            // not take the two as independent and misjudge a common word's title matches as few
            search = "(case when chorus_search_config(t.language) = '%1$s'::regconfig"
                    + " then to_tsvector('%1$s'::regconfig, t.title) end) @@ websearch_to_tsquery('%1$s'::regconfig, :query)";
        }
        return """
                (select t.statement_id, t.language, s.issued_on, s.published_at
                 from statements s
                 join statement_texts t on t.statement_id = s.id
                 where %5$s
                   and querytree(websearch_to_tsquery('%1$s'::regconfig, :query)) not in ('', 'T')
                   and t.status = 'PUBLISHED' and s.status = 'PUBLISHED'%2$s
                 order by s.issued_on%4$s desc, s.published_at desc
                 limit %3$d)""".formatted(
                        configuration,
                        filters.toString().formatted(configuration),
                        titles ? TITLE_MATCHES_PER_CONFIGURATION : MATCHES_PER_CONFIGURATION,
                        // an expression, not the indexed column: the date index cannot give this order
                        phrase ? " + 0" : "",
                        search.formatted(configuration));
    }

    /** The start of a title branch that checks its candidates after choosing them ({@code c}: text, title, vector). */
    private static final String TITLE_CANDIDATES = """
            (select c.statement_id, c.language, c.issued_on, c.published_at
             from (select t.statement_id, t.language, s.issued_on, s.published_at, t.title, t.search
                   from statements s
                   join statement_texts t on t.statement_id = s.id
            """;

    /**
     * A configuration's newest title matches of a query that excludes words: the newest titles having what the query
     * asks for ({@code :asked}, its terms but the excluded ones), as the planner estimates them from the titles' index
     * alone, then the whole query checked on each, title and text, until enough are found. Written in one condition,
     * the planner took "has the word in its title" and "its text lacks the other" as independent, estimated a common
     * word's 2,800 title matches as a few dozen, and fetched and sorted them all (17 ms) instead of walking the newest.
     * Only the newest {@link #TITLES_CHECKED_FOR_EXCLUSIONS} such titles are checked, a limit the planner sees (without
     * it, it planned to read all 15,000 titles of a common word, 56 ms): when the excluded words are in most of them,
     * fewer title matches are ranked first (the text matches are found all the same).
     */
    private static String titlesExcluding(String configuration, String filters, boolean phrase) {
        return TITLE_CANDIDATES
                + """
                       where (case when chorus_search_config(t.language) = '%1$s'::regconfig
                              then to_tsvector('%1$s'::regconfig, t.title) end)
                             @@ websearch_to_tsquery('%1$s'::regconfig, :asked)
                         and querytree(websearch_to_tsquery('%1$s'::regconfig, :query)) not in ('', 'T')
                         and t.status = 'PUBLISHED' and s.status = 'PUBLISHED'%2$s
                       order by s.issued_on%4$s desc, s.published_at desc
                       limit %5$d) c
                 where to_tsvector('%1$s'::regconfig, c.title) @@ websearch_to_tsquery('%1$s'::regconfig, :query)
                   and c.search @@ websearch_to_tsquery('%1$s'::regconfig, :query)
                 limit %3$d)""".formatted(
                                configuration,
                                filters.formatted(configuration),
                                TITLE_MATCHES_PER_CONFIGURATION,
                                phrase ? " + 0" : "",
                                TITLES_CHECKED_FOR_EXCLUSIONS);
    }

    /** How many of the newest titles having what a query asks for are checked for the words it excludes. */
    static final int TITLES_CHECKED_FOR_EXCLUSIONS = 5 * TITLE_MATCHES_PER_CONFIGURATION;

    /**
     * How many of the newest published statements a phrase is first looked for in, text by text, before the index of
     * word pairs is asked about the older ones ({@link #byWordPairs}).
     */
    static final int PHRASE_WINDOW = 1000;

    /**
     * A configuration's newest matches of a query with phrases, in two parts read in order until enough are found: the
     * newest {@link #PHRASE_WINDOW} statements text by text (a common phrase, "climate change", is found there at once,
     * about 5 µs a statement), then the older ones through the index of adjacent word pairs (V1_240): the texts holding
     * every pair, newest first, each checked against the whole query. The second part runs only for a phrase too rare
     * to fill a page among the newest statements, so the texts it sorts are few; sorting every text holding a common
     * pair (7,600 at 100,000 statements) took 60–200 ms. Only for a configuration in which the phrases have pairs (the
     * probe says, {@link Probed}); in the others (one word, or stop words between) the usual branch runs. The second
     * part's check is written on a sub-query's result ({@code offset 0}): in a {@code BitmapAnd} with the words' index
     * PostgreSQL would recheck the whole condition, computing the pairs of each candidate (1.2 s for 1,068). The
     * texts are sorted by the dates they carry (V1_327) and only those holding the phrase are joined to their statement
     * for its status and the filters: joined first, every candidate's statement was looked up by key (3 ms for 1,500).
     */
    private static String byWordPairs(String configuration, String filters) {
        return """
                (select b.statement_id, b.language, b.issued_on, b.published_at from (
                 (select t.statement_id, t.language, s.issued_on, s.published_at
                  from (select s.id, s.issued_on, s.published_at, s.issuer_id, s.source_statement_id from statements s
                        where s.status = 'PUBLISHED' order by s.issued_on desc, s.published_at desc limit %6$d) s
                  join statement_texts t on t.statement_id = s.id
                  where (case when chorus_search_config(t.language) = '%1$s'::regconfig then t.search end)
                        @@ websearch_to_tsquery('%1$s'::regconfig, :query)
                    and t.status = 'PUBLISHED'%2$s
                  order by s.issued_on desc, s.published_at desc)
                 union all
                 (select t.statement_id, t.language, t.issued_on, t.published_at
                  from (select t.statement_id, t.language, t.issued_on, t.published_at, t.search
                        from statement_texts t
                        where (case when chorus_search_config(t.language) = '%1$s'::regconfig
                               then chorus_word_pairs(t.search) end) @> %4$s
                          and t.status = 'PUBLISHED'
                          and (t.issued_on, t.published_at) < (select o.issued_on, o.published_at from statements o
                               where o.status = 'PUBLISHED' order by o.issued_on desc, o.published_at desc
                               offset %5$d limit 1)
                        order by t.issued_on desc, t.published_at desc
                        offset 0) t
                  join statements s on s.id = t.statement_id
                  where t.search @@ websearch_to_tsquery('%1$s'::regconfig, :query)
                    and s.status = 'PUBLISHED'%2$s
                  order by t.issued_on desc, t.published_at desc)
                 ) b
                 limit %3$d)""".formatted(
                        configuration,
                        filters.formatted(configuration),
                        MATCHES_PER_CONFIGURATION,
                        PHRASE_PAIRS.formatted(configuration),
                        PHRASE_WINDOW - 1,
                        PHRASE_WINDOW);
    }

    /**
     * A configuration's newest title matches of a query with phrases: the texts whose title has every word of the query
     * and whose text has every pair of its phrases — two indexes that answer exactly, so PostgreSQL combines them
     * without rechecking either (the pairs are never computed) — then the phrase checked on those titles only. Walking
     * the newest statements for a phrase rare in titles read thousands (30 ms); the title's own index alone, with the
     * phrase, rechecked every title holding both words.
     */
    private static String titlesByWordPairs(String configuration, String filters, boolean excludes) {
        return TITLE_CANDIDATES
                + """
                       where (case when chorus_search_config(t.language) = '%1$s'::regconfig
                              then chorus_word_pairs(t.search) end) @> %4$s
                         and (case when chorus_search_config(t.language) = '%1$s'::regconfig
                              then to_tsvector('%1$s'::regconfig, t.title) end)
                             @@ websearch_to_tsquery('%1$s'::regconfig, cast(:words as text))
                         and t.status = 'PUBLISHED' and s.status = 'PUBLISHED'%2$s
                       offset 0) c
                 where to_tsvector('%1$s'::regconfig, c.title) @@ websearch_to_tsquery('%1$s'::regconfig, :query)%5$s
                 order by c.issued_on desc, c.published_at desc
                 limit %3$d)""".formatted(
                        configuration,
                        filters.formatted(configuration),
                        TITLE_MATCHES_PER_CONFIGURATION,
                        PHRASE_PAIRS.formatted(configuration),
                        // a title match is a match unless the query excludes a word, which the body must lack too
                        excludes
                                ? " and c.search @@ websearch_to_tsquery('" + configuration + "'::regconfig, :query)"
                                : "");
    }

    /** The adjacent word pairs of the query's phrases in a configuration (%1$s), a constant the planner folds. */
    private static final String PHRASE_PAIRS =
            "chorus_phrase_pairs('%1$s'::regconfig, string_to_array(cast(:phrases as text), chr(10)))";

    private static Hit hit(ResultSet rs) throws SQLException {
        return new Hit(
                rs.getString("slug"),
                rs.getString("language"),
                rs.getBoolean("original"),
                rs.getString("title"),
                rs.getString("snippet"),
                new OrganizationId(rs.getObject("issuer_id", UUID.class)),
                Statements.date(rs, "issued_on"),
                DatePrecision.valueOf(rs.getString("issued_precision")),
                Statements.organizationIds(rs.getArray("republishers")),
                rs.getDouble("rank"));
    }
}

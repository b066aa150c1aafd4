package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A search that would run too long is stopped and the page asks for a narrower one, in the reader's language; a
 * search of excluded words only is not run at all (decision 0024).
 */
@ChorusWebTest
class SearchGuardsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    StatementSearch search;

    @Autowired
    DataSource dataSource;

    @Test
    void a_search_stopped_by_its_time_bound_asks_for_more_words_or_a_filter_instead_of_failing() throws Exception {
        var coalition = fixtures.coalition();
        var word = "zq" + Fixtures.unique("w").substring(2).replace("-", "");
        statements.published(statements.ownerOf(coalition), coalition, "en", "Call " + word, "Body " + word);
        var found = Html.parse(
                mvc.perform(get("/search?q=" + word)).andExpect(status().isOk()).andReturn());
        assertThat(found.select(".statement-item")).hasSize(1);

        // another transaction holds the texts, so the search waits past its bound, as a runaway one would run past it
        var previous = search.timeout(Duration.ofMillis(300));
        try (var blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table statement_texts in access exclusive mode");
            var stopped = Html.parse(mvc.perform(get("/search?q=" + word + "&lang=es"))
                    .andExpect(status().isUnprocessableEntity())
                    .andReturn());
            assertThat(stopped.select(".notice").text()).contains("Añada palabras");
            assertThat(stopped.select("input#q").attr("value")).isEqualTo(word);
            assertThat(stopped.select(".statement-item")).isEmpty();
            blocker.rollback();
        } finally {
            search.timeout(previous);
        }
    }

    @Test
    void a_phrase_among_alternatives_whose_walk_through_the_dates_is_stopped_is_found_through_the_index()
            throws Exception {
        var coalition = fixtures.coalition();
        var word = "zq" + Fixtures.unique("w").substring(2).replace("-", "");
        statements.published(statements.ownerOf(coalition), coalition, "en", "Call " + word + " now", "Body");
        // the texts are held a while: the first attempt is stopped after its short walk, the second waits and answers
        var blocker = dataSource.getConnection();
        blocker.setAutoCommit(false);
        blocker.createStatement().execute("lock table statement_texts in access exclusive mode");
        var release = CompletableFuture.runAsync(() -> {
            try (blocker) {
                Thread.sleep(StatementSearch.PHRASE_WALK.toMillis() * 4);
                blocker.rollback();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // with "or", a match need not hold the phrase: the index of word pairs cannot narrow it, the walk comes first
        var page = Html.parse(mvc.perform(get("/search").param("q", "\"call " + word + "\" or " + word + "x"))
                .andExpect(status().isOk())
                .andReturn());
        release.join();
        assertThat(page.select(".statement-item")).hasSize(1);
    }

    @Test
    void a_phrase_finds_the_texts_with_its_words_side_by_side_through_their_pairs_and_not_those_with_them_apart()
            throws Exception {
        var coalition = fixtures.coalition();
        var owner = statements.ownerOf(coalition);
        var word = "zq" + Fixtures.unique("w").substring(2).replace("-", "");
        statements.published(owner, coalition, "en", "Side by side " + word, "We ask for " + word + " finance now.");
        statements.published(owner, coalition, "en", "Apart " + word, "Finance is not " + word + " at all.");
        statements.published(owner, coalition, "fr", "Côte à côte " + word, "Nous demandons " + word + " finances.");
        for (var query : java.util.List.of(
                "\"" + word + " finance\"", "\"" + word + " financing\" -nothing", "\"We ask for " + word + "\"")) {
            var page = Html.parse(mvc.perform(get("/search").param("q", query))
                    .andExpect(status().isOk())
                    .andReturn());
            assertThat(page.select(".statement-item h2, .statement-item h3").eachText())
                    .as(query)
                    .anySatisfy(title -> assertThat(title).contains("Side by side"))
                    .noneSatisfy(title -> assertThat(title).contains("Apart"));
        }
    }

    @Test
    void a_search_of_excluded_words_only_says_to_add_a_word_to_look_for() throws Exception {
        var page = Html.parse(mvc.perform(get("/search?q=-climate -finance&lang=fr"))
                .andExpect(status().isUnprocessableEntity())
                .andReturn());
        assertThat(page.select(".notice").text()).contains("Ajoutez au moins un mot");
        assertThat(page.select(".statement-item")).isEmpty();
        assertThat(StatementSearch.onlyExclusions("-\"climate finance\" or -aid"))
                .isTrue();
        assertThat(StatementSearch.onlyExclusions("aid -\"climate finance\"")).isFalse();
        assertThat(StatementSearch.onlyExclusions("\"climate -finance\"")).isFalse();
        assertThat(StatementSearch.onlyExclusions("«»!? -")).isFalse();
    }

    @Test
    void only_the_phrases_every_match_must_hold_are_looked_up_by_their_word_pairs() {
        assertThat(StatementSearch.asked("housing -\"rent control\" or shelter -eviction"))
                .isEqualTo("housing or shelter");
        assertThat(StatementSearch.requiredPhrases("\"climate  finance\" aid \"just\ttransition"))
                .isEqualTo("climate finance\njust transition");
        assertThat(StatementSearch.requiredPhrases("aid -\"climate finance\" \"loss and damage\""))
                .as("an excluded phrase is not held")
                .isEqualTo("loss and damage");
        assertThat(StatementSearch.requiredPhrases("\"climate finance\" OR \"loss and damage\""))
                .as("either may be held")
                .isEmpty();
        assertThat(StatementSearch.requiredPhrases("climate finance \"\"")).isEmpty();
    }
}

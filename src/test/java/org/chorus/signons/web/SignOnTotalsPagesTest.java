package org.chorus.signons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.signons.SignOnRows;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.QueryCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The statement page, its counter and its Atom entry show the totals the count job keeps; new totals make only that
 * statement's pages (and the feeds) stale in the page cache.
 */
@ChorusWebTest
class SignOnTotalsPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    SignOnRows rows;

    String text(String path, String selector, String language) throws Exception {
        var html = mvc.perform(get(path).header("Accept-Language", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Html.first(html, selector).text();
    }

    @Test
    void the_statement_page_shows_the_counted_totals_in_the_readers_language_through_the_cache() throws Exception {
        var statement = rows.opened(Fixtures.unique("Totals shown"));
        var page = "/s/" + statement.slug();
        assertThat(text(page, ".signon-totals .signon-count", "en")).isEqualTo("No one has signed yet.");
        assertThat(Html.first(mvc.perform(get(page)).andReturn().getResponse().getContentAsString(), ".signon-totals a")
                        .attr("href"))
                .isEqualTo(page + "/signons");

        rows.counted(() -> {
            rows.organization(statement.id(), "Friends of Rivers", "KE", null, null);
            rows.organization(statement.id(), "Amis des rivières", "FR", null, null);
            rows.person(statement.id(), "Ana Lima", null, null, "BR", false);
        });

        assertThat(text(page, ".signon-totals .signon-count", "en"))
                .isEqualTo("Signed by 2 organizations in 2 countries and 1 person.");
        assertThat(text(page, ".signon-totals .signon-count", "fr"))
                .isEqualTo("Signé par 2 organisations dans 2 pays et 1 personne.");
        assertThat(text(page, ".signon-totals .signon-count", "ar")).isEqualTo("وقّع عليه منظمتان في بلدين وشخص واحد.");
    }

    @Test
    void new_totals_make_that_statements_pages_stale_and_leave_the_others_kept() throws Exception {
        var statement = rows.opened(Fixtures.unique("Counted again"));
        var other = rows.opened(Fixtures.unique("Left alone"));
        var page = "/s/" + statement.slug();
        var count = page + "/signons/count";
        for (var path : java.util.List.of(page, count, "/s/" + other.slug(), "/")) {
            mvc.perform(get(path)).andExpect(status().isOk());
        }

        rows.counted(() -> rows.organization(statement.id(), "Solidarity Union", "GH", null, null));

        QueryCounter.reset();
        mvc.perform(get("/s/" + other.slug())).andExpect(status().isOk());
        mvc.perform(get("/")).andExpect(status().isOk());
        assertThat(QueryCounter.count()).as("other pages stay kept").isZero();
        assertThat(text(page, ".signon-count", "en")).isEqualTo("Signed by 1 organization in 1 country.");
        assertThat(text(count, ".signon-count", "en")).isEqualTo("Signed by 1 organization in 1 country.");
        QueryCounter.reset();
        mvc.perform(get(count)).andExpect(status().isOk());
        assertThat(QueryCounter.count()).as("the counter is kept again").isZero();
    }

    @Test
    void with_javascript_the_counter_asks_for_itself_again_while_the_sign_on_is_open() throws Exception {
        var statement = rows.opened(Fixtures.unique("Polled"));
        var count = "/s/" + statement.slug() + "/signons/count";
        var html = mvc.perform(get(count).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var counter = Html.first(html, "p.signon-count");
        assertThat(counter.attr("hx-get")).isEqualTo(count);
        assertThat(counter.attr("hx-trigger")).isEqualTo("every 10s");
        assertThat(counter.attr("hx-swap")).isEqualTo("outerHTML");
        assertThat(html).doesNotContain("<html");
    }

    @Test
    void a_statement_never_opened_for_sign_on_shows_no_totals_and_has_no_counter() throws Exception {
        var organization = fixtures.coalition();
        var statement = statements.published(
                statements.ownerOf(organization), organization, "en", Fixtures.unique("Not opened"), "Words.");
        mvc.perform(get("/s/" + statement.slug())).andExpect(Html.hasNo(".signon-totals"));
        mvc.perform(get("/s/" + statement.slug() + "/signons/count")).andExpect(status().isNotFound());
        mvc.perform(get("/s/" + statement.slug() + "/signons")).andExpect(status().isNotFound());
    }

    @Test
    void the_atom_entry_of_a_statement_someone_signed_says_how_many_signed() throws Exception {
        var organization = fixtures.coalition();
        var statement = rows.opened(organization, Fixtures.unique("In the feed"), defaults());
        var feed = "/statements.atom?organization=" + organization.slug();
        assertThat(mvc.perform(get(feed)).andReturn().getResponse().getContentAsString())
                .doesNotContain("Signed by");

        rows.counted(() -> rows.person(statement.id(), "Lou Martin", null, null, "FR", true));

        var atom = mvc.perform(get(feed)).andReturn().getResponse().getContentAsString();
        assertThat(atom).contains("&lt;p&gt;Signed by 1 person.&lt;/p&gt;");
    }

    static org.chorus.signons.SignOnOpening.Choices defaults() {
        return org.chorus.signons.SignOnOpening.Choices.defaults();
    }
}

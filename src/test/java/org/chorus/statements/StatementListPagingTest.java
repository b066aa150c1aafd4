package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.chorus.organizations.Organization;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Lists, the API and the feeds go from page to page by cursor (decision 0025): every statement once, in order, both
 * ways, and a page stays put when statements are published meanwhile.
 */
@ChorusWebTest
class StatementListPagingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    Statements repository;

    @Autowired
    WritingStatements writing;

    @Autowired
    ReviewingStatements reviewing;

    @Test
    void older_links_lead_through_the_whole_list_once_in_order_and_newer_links_lead_back() throws Exception {
        var org = fixtures.coalition();
        var published = publish(org, 45);
        var expected = published.reversed();

        var seen = new ArrayList<String>();
        var pages = new ArrayList<String>();
        String href = "/statements?organization=" + org.slug();
        while (href != null) {
            pages.add(href);
            var page =
                    Html.parse(mvc.perform(get(href)).andExpect(status().isOk()).andReturn());
            page.select("ol.statement-list h2 a")
                    .forEach(a -> seen.add(a.attr("href").substring(3)));
            var next = page.selectFirst("nav.pagination a[rel=next]");
            assertThat(page.select("head link[rel=next]").attr("href"))
                    .isEqualTo(next == null ? "" : next.attr("href"));
            href = next == null ? null : next.attr("href");
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).hasSize(3);

        var back = new ArrayList<String>();
        var last = Html.parse(mvc.perform(get(pages.getLast())).andReturn());
        var previous = last.selectFirst("nav.pagination a[rel=prev]");
        while (previous != null) {
            var page = Html.parse(mvc.perform(get(previous.attr("href")))
                    .andExpect(status().isOk())
                    .andReturn());
            var slugs = page.select("ol.statement-list h2 a").eachAttr("href");
            back.addAll(0, slugs.stream().map(s -> s.substring(3)).toList());
            previous = page.selectFirst("nav.pagination a[rel=prev]");
        }
        assertThat(back).containsExactlyElementsOf(expected.subList(0, 40));
    }

    @Test
    void a_page_of_older_statements_stays_the_same_when_statements_are_published_meanwhile() throws Exception {
        var org = fixtures.coalition();
        publish(org, 25);
        var first = Html.parse(
                mvc.perform(get("/statements?organization=" + org.slug())).andReturn());
        var older = first.selectFirst("a[rel=next]").attr("href");
        var before = Html.parse(mvc.perform(get(older)).andReturn())
                .select("ol.statement-list h2 a")
                .eachAttr("href");

        publish(org, 3);

        assertThat(Html.parse(mvc.perform(get(older)).andReturn())
                        .select("ol.statement-list h2 a")
                        .eachAttr("href"))
                .hasSize(5)
                .isEqualTo(before);
    }

    @Test
    void a_damaged_cursor_is_refused_with_a_message_in_the_readers_language() throws Exception {
        for (var damaged : List.of("nonsense", "AAAA", "x".repeat(200), "AQ", "%%%")) {
            mvc.perform(get("/statements").param("after", damaged).header("Accept-Language", "fr"))
                    .andExpect(status().isBadRequest())
                    .andExpect(
                            content().string(Matchers.containsString("Ce lien vers une page de la liste est abîmé")));
            mvc.perform(get("/api/v1/statements").param("before", damaged))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("statements.cursor-invalid"));
            mvc.perform(get("/statements.atom").param("after", damaged)).andExpect(status().isBadRequest());
        }
    }

    @Test
    void old_page_numbers_still_work_for_fifty_pages_and_beyond_say_how_to_go_further_back() throws Exception {
        var org = fixtures.coalition();
        var published = publish(org, 22).reversed();

        var second = Html.parse(mvc.perform(get("/statements?organization=" + org.slug() + "&page=2"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(second.select("ol.statement-list h2 a").eachAttr("href"))
                .containsExactly("/s/" + published.get(20), "/s/" + published.get(21));
        assertThat(second.selectFirst("nav.pagination a[rel=prev]")).isNotNull();
        assertThat(second.selectFirst("nav.pagination a[rel=next]")).isNull();

        mvc.perform(get("/statements?organization=" + org.slug() + "&page=51").header("Accept-Language", "es"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("solo llegan hasta 50 páginas atrás")));
        mvc.perform(get("/api/v1/statements?page=2000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("statements.page-too-far"));
    }

    @Test
    void the_api_gives_the_next_cursor_in_its_body_and_link_header_until_the_last_page() throws Exception {
        var org = fixtures.coalition();
        var expected = publish(org, 23).reversed();

        var first = mvc.perform(get("/api/v1/statements").param("organization", org.slug()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(23))
                .andExpect(jsonPath("$.totalIsAtLeast").value(false))
                .andExpect(jsonPath("$.previous").doesNotExist())
                .andReturn()
                .getResponse();
        String next = JsonPath.read(first.getContentAsString(), "$.next");
        String cursor = JsonPath.read(first.getContentAsString(), "$.nextCursor");
        assertThat(next).isEqualTo("/api/v1/statements?organization=" + org.slug() + "&after=" + cursor);
        assertThat(first.getHeader("Link")).isEqualTo("<" + next + ">; rel=\"next\"");

        mvc.perform(get(next))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].slug")
                        .value(Matchers.contains(expected.subList(20, 23).toArray())))
                .andExpect(jsonPath("$.next").doesNotExist())
                .andExpect(jsonPath("$.previous").value(Matchers.startsWith("/api/v1/statements?organization=")))
                .andExpect(header().string("Link", Matchers.endsWith("; rel=\"prev\"")));
    }

    @Test
    void the_atom_feed_is_a_paged_feed_whose_next_page_holds_the_older_entries() throws Exception {
        var org = fixtures.coalition();
        var expected = publish(org, 21).reversed();

        var newest = feed("/statements.atom?organization=" + org.slug());
        assertThat(newest.getEntries()).hasSize(20);
        assertThat(rel(newest, "previous")).isNull();
        var next = rel(newest, "next");
        assertThat(next).startsWith("http://localhost/statements.atom?organization=" + org.slug() + "&after=");

        var older = feed(next.substring("http://localhost".length()));
        assertThat(older.getEntries())
                .singleElement()
                .satisfies(e -> assertThat(e.getId()).isEqualTo("http://localhost/s/" + expected.getLast()));
        assertThat(rel(older, "self")).isEqualTo(next);
        assertThat(rel(older, "first")).isEqualTo("http://localhost/statements.atom?organization=" + org.slug());
        assertThat(rel(older, "previous")).isNotNull();
        assertThat(rel(older, "next")).isNull();
    }

    @Test
    void totals_are_counted_up_to_a_cap_and_beyond_it_only_known_to_be_more() {
        var org = fixtures.coalition();
        publish(org, 5);
        var filter = new StatementFilter(org.id(), null, null, null, null);

        assertThat(repository.countPublic(List.of(org.id()), filter, 10)).isEqualTo(5);
        assertThat(repository.countPublic(List.of(org.id()), filter, 3))
                .as("one more than the cap says 'more than'")
                .isEqualTo(4);
    }

    @Test
    void the_topic_filter_offers_a_new_topic_as_soon_as_its_first_statement_is_published() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var topic = Fixtures.unique("fresh-topic");
        var draft = statements.draft(owner, org, "en", Fixtures.unique("Topical"), "Words.");
        writing.edit(
                owner,
                draft.id(),
                new StatementDraft(
                        "en", Fixtures.unique("Topical"), "", "Words.", null, null, topic, false, List.of(), List.of()),
                null);
        assertThat(Html.parse(mvc.perform(get("/statements")).andReturn())
                        .select("#f-topic option[value=" + topic + "]"))
                .as("a draft's topic is not offered")
                .isEmpty();

        reviewing.approve(owner, draft.id(), null);

        assertThat(Html.parse(mvc.perform(get("/statements")).andReturn())
                        .select("#f-topic option[value=" + topic + "]"))
                .hasSize(1);
    }

    private Feed feed(String path) throws Exception {
        var xml = mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return (Feed) new WireFeedInput().build(new StringReader(xml));
    }

    private static String rel(Feed feed, String rel) {
        return feed.getOtherLinks().stream()
                .filter(l -> l.getRel().equals(rel))
                .map(Link::getHref)
                .findFirst()
                .orElse(null);
    }

    /** Slugs of {@code count} statements published one after the other (so the last is the newest), all today. */
    private List<String> publish(Organization org, int count) {
        var owner = statements.ownerOf(org);
        var slugs = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            slugs.add(statements
                    .published(owner, org, "en", Fixtures.unique("Paged " + i), "Text " + i + ".")
                    .slug());
        }
        return slugs;
    }
}

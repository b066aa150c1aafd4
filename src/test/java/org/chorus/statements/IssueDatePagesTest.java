package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationKind;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.TestClock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A statement carried over from an archive shows and is served by its date of issue everywhere (its page, lists,
 * Atom, JSON-LD, the API), to the day or the month in every language; the moment it went online here is shown apart.
 * Lists and search show a republished statement once and leave retracted ones out; organization pages list their
 * statements (decision 0017).
 */
@ChorusWebTest
class IssueDatePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    WritingStatements writing;

    @Autowired
    ReviewingStatements reviewing;

    @Autowired
    ReadingStatements reading;

    @Autowired
    TestClock clock;

    @Test
    void a_statement_dated_in_2023_says_so_on_its_page_in_lists_in_atom_in_json_ld_and_in_the_api() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var s = publish(owner, org, "Archive", "2023-10-20");
        var today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();

        var page = Html.parse(mvc.perform(get("/s/" + s.slug())).andReturn());
        assertThat(page.select("time.issued-on").attr("datetime")).isEqualTo("2023-10-20");
        assertThat(page.select("time.issued-on").text()).isEqualTo("October 20, 2023");
        assertThat(page.select(".online-since time").attr("datetime")).startsWith(today.toString());
        assertThat(page.select("script[type=application/ld+json]").html()).contains("\"datePublished\":\"2023-10-20\"");
        assertThat(page.select("meta[property=article:published_time]").attr("content"))
                .isEqualTo("2023-10-20");

        var list = Html.parse(
                mvc.perform(get("/statements?organization=" + org.slug())).andReturn());
        assertThat(list.select(".statement-item time").attr("datetime")).isEqualTo("2023-10-20");
        var filtered =
                Html.parse(mvc.perform(get("/statements?from=2023-10-20&to=2023-10-20&organization=" + org.slug()))
                        .andReturn());
        assertThat(filtered.select(".statement-item h2 a").attr("href")).isEqualTo("/s/" + s.slug());

        var feed = feed("/statements.atom?organization=" + org.slug());
        assertThat(feed.getEntries().getFirst().getPublished().toInstant())
                .isEqualTo(Instant.parse("2023-10-20T00:00:00Z"));

        mvc.perform(get("/api/v1/statements?organization=" + org.slug()))
                .andExpect(jsonPath("$.items[0].issuedOn").value("2023-10-20"))
                .andExpect(jsonPath("$.items[0].issuedPrecision").value("DAY"))
                .andExpect(jsonPath("$.items[0].publishedAt").value(Matchers.startsWith(today.toString())));
        mvc.perform(get("/api/v1/statements/" + s.slug()))
                .andExpect(jsonPath("$.issuedOn").value("2023-10-20"))
                .andExpect(jsonPath("$.issuedPrecision").value("DAY"));
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(jsonPath("$.components.schemas.StatementItem.properties.issuedOn.description")
                        .value(Matchers.containsString("date of issue")));
    }

    @Test
    void a_writer_who_knows_only_the_month_gets_the_month_in_every_language_and_for_machines() throws Exception {
        var org = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(org, owner, Role.OWNER);
        var title = Fixtures.unique("February call");
        var location = mvc.perform(post("/o/" + org.slug() + "/statements/new")
                        .with(user(owner))
                        .with(csrf())
                        .param("language", "en")
                        .param("title", title)
                        .param("body", "Fund the future.")
                        .param("issuedOn", "2024-02-17")
                        .param("issuedDayUnknown", "true"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var slug = location.substring("/s/".length());
        reviewing.approve(
                Actor.of(owner), reading.visible(Actor.of(owner), slug).id(), null);

        assertThat(monthShown(slug, "en")).isEqualTo("February 2024");
        assertThat(monthShown(slug, "fr")).isEqualTo("février 2024");
        assertThat(monthShown(slug, "es")).isEqualTo("febrero de 2024");
        assertThat(monthShown(slug, "ar")).contains("فبراير").contains("2024");
        var page = Html.parse(mvc.perform(get("/s/" + slug)).andReturn());
        assertThat(page.select("time.issued-on").attr("datetime")).isEqualTo("2024-02");
        assertThat(page.select("script[type=application/ld+json]").html()).contains("\"datePublished\":\"2024-02\"");
        mvc.perform(get("/api/v1/statements/" + slug))
                .andExpect(jsonPath("$.issuedOn").value("2024-02-01"))
                .andExpect(jsonPath("$.issuedPrecision").value("MONTH"));

        var form = Html.parse(
                mvc.perform(get("/s/" + slug + "/edit").with(user(owner))).andReturn());
        assertThat(form.select("input[name=issuedDayUnknown]").hasAttr("checked"))
                .isTrue();
    }

    @Test
    void the_home_page_and_search_show_a_republished_statement_once_naming_who_republished_it() throws Exception {
        var coalition = fixtures.coalition();
        var chapter = fixtures.below(coalition, OrganizationKind.CHAPTER);
        var word = "zq" + Fixtures.unique("w").substring(2).replace("-", "");
        // dated the day it goes online, the newest of the run, so it is among the home page's latest
        var original = publish(statements.ownerOf(coalition), coalition, "Joint call " + word, null);
        var copy = writing.republish(statements.ownerOf(chapter), chapter.id(), original.slug(), null);

        var home = Html.parse(mvc.perform(get("/")).andReturn());
        assertThat(home.select(".latest a[href=/s/" + original.slug() + "]")).hasSize(1);
        assertThat(home.select(".latest a[href=/s/" + copy.slug() + "]")).isEmpty();
        assertThat(home.select(".latest .also-published a[href=/o/" + chapter.slug() + "]"))
                .hasSize(1);

        var search = Html.parse(mvc.perform(get("/search?q=" + word)).andReturn());
        assertThat(search.select(".statement-item h2 a"))
                .extracting(a -> a.attr("href"))
                .containsExactly("/s/" + original.slug());
        assertThat(search.select(".also-published").text()).contains("Also published by:", chapter.name());

        var chapterFeed = feed("/statements.atom?organization=" + chapter.slug());
        assertThat(chapterFeed.getEntries())
                .extracting(e -> e.getId())
                .containsExactly("http://localhost/s/" + copy.slug());
    }

    @Test
    void a_retracted_statement_leaves_the_home_page_lists_and_search_but_its_page_stays() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var word = "zq" + Fixtures.unique("w").substring(2).replace("-", "");
        var s = statements.published(owner, org, "en", Fixtures.unique("Retracted " + word), "Old words.");
        reviewing.retract(owner, s.id(), "Superseded by our new call.");

        assertThat(Html.parse(mvc.perform(get("/")).andReturn()).select("a[href=/s/" + s.slug() + "]"))
                .isEmpty();
        assertThat(Html.parse(mvc.perform(get("/statements?organization=" + org.slug()))
                                .andReturn())
                        .select(".statement-item"))
                .isEmpty();
        assertThat(Html.parse(mvc.perform(get("/search?q=" + word)).andReturn()).select(".statement-item"))
                .isEmpty();
        mvc.perform(get("/s/" + s.slug()))
                .andExpect(status().isOk())
                .andExpect(Html.has(".notice:contains(Superseded by our new call.)"));
    }

    @Test
    void an_organization_page_lists_its_statements_and_a_coalition_page_those_below_it_saying_what_it_counts()
            throws Exception {
        var coalition = fixtures.coalition();
        var commission = fixtures.below(coalition, OrganizationKind.COMMISSION);
        var chapter = fixtures.below(commission, OrganizationKind.CHAPTER);
        var own = statements.published(
                statements.ownerOf(coalition), coalition, "en", Fixtures.unique("Coalition call"), "Text.");
        statements.published(statements.ownerOf(coalition), coalition, "en", Fixtures.unique("Second call"), "Text.");
        var fromChapter = statements.published(
                statements.ownerOf(chapter), chapter, "en", Fixtures.unique("Chapter call"), "Text.");

        var page = Html.parse(mvc.perform(get("/o/" + coalition.slug())).andReturn());
        assertThat(page.select(".organization-statements .count-own").text())
                .startsWith("2 statements")
                .contains("All statements by " + coalition.name());
        assertThat(page.select(".organization-statements .count-own a").attr("href"))
                .isEqualTo("/o/" + coalition.slug() + "/statements");
        assertThat(page.select(".organization-statements a[href=/s/" + own.slug() + "]"))
                .hasSize(1);
        assertThat(page.select(".organization-statements .count-below").text())
                .isEqualTo("One statement from the organizations below it");
        assertThat(page.select(".organization-statements a[href=/s/" + fromChapter.slug() + "]"))
                .hasSize(1);

        var chapterPage = Html.parse(mvc.perform(get("/o/" + chapter.slug())).andReturn());
        assertThat(chapterPage.select(".organization-statements .count-own").text())
                .startsWith("One statement");
        assertThat(chapterPage.select(".organization-statements .count-below")).isEmpty();
    }

    private Statement publish(Actor owner, Organization org, String title, String issuedOn) {
        var draft = writing.draft(
                owner,
                org.id(),
                new StatementDraft(
                        "en",
                        Fixtures.unique(title),
                        "",
                        "Words from the archive.",
                        issuedOn,
                        null,
                        null,
                        false,
                        List.of(),
                        List.of()));
        return reviewing.approve(owner, draft.id(), null);
    }

    private String monthShown(String slug, String language) throws Exception {
        return Html.parse(mvc.perform(get("/s/" + slug + "?lang=" + language)).andReturn())
                .select("time.issued-on")
                .text();
    }

    private Feed feed(String path) throws Exception {
        var xml = mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
        return (Feed) new WireFeedInput().build(new StringReader(xml));
    }
}

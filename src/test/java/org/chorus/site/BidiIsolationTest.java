package org.chorus.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.chorus.comments.CommentFixtures;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * In Arabic, a line that puts a Latin name next to a date ("Latin America Chapter · 2 ديسمبر 2026") keeps each piece
 * whole: the name and the date are each isolated ({@code <bdi>}), so the bidi algorithm cannot mix them.
 */
@ChorusWebTest
class BidiIsolationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    CommentFixtures comments;

    private static void isolated(Element line, String name) {
        assertThat(line).as("a meta line naming %s", name).isNotNull();
        assertThat(line.select("bdi").eachText()).as(line.outerHtml()).contains(name);
        assertThat(line.select("bdi > time")).as(line.outerHtml()).isNotEmpty();
    }

    @Test
    void names_and_dates_are_isolated_on_the_arabic_statement_page_lists_home_search_and_comments() throws Exception {
        var organization = fixtures.coalition();
        var owner = statements.ownerOf(organization);
        var word = Fixtures.unique("isolated").replaceAll("[^A-Za-z]", "");
        var statement = statements.published(owner, organization, "en", "Statement " + word, "Text " + word + ".");
        var name = organization.name();

        var page = Html.parse(
                mvc.perform(get("/s/" + statement.slug() + "?lang=ar")).andReturn());
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.select(".statement-header .eyebrow bdi").eachText()).contains(name);
        assertThat(page.select(".statement-header .meta bdi").eachText()).contains("Nairobi");
        // the date of issue and, when it differs, the day it went online: each date isolated
        assertThat(page.select(".statement-header .meta time"))
                .isNotEmpty()
                .allSatisfy(time -> assertThat(time.parent().tagName()).isEqualTo("bdi"));

        var list = Html.parse(mvc.perform(get("/statements?lang=ar&organization=" + organization.slug()))
                .andReturn());
        isolated(list.selectFirst(".statement-item .eyebrow"), name);

        var home = Html.parse(mvc.perform(get("/?lang=ar")).andReturn());
        isolated(home.selectFirst(".statement-item .eyebrow:has(bdi:containsOwn(" + name + "))"), name);

        var search = Html.parse(mvc.perform(get("/search?lang=ar&q=" + word)).andReturn());
        isolated(search.selectFirst(".statement-item .eyebrow"), name);

        var open = comments.published(owner, organization, true);
        comments.post(owner, open, null, "Solidarity.");
        var thread = Html.parse(
                mvc.perform(get("/s/" + open.slug() + "/comments?lang=ar")).andReturn());
        assertThat(thread.select(".comment .meta bdi > time")).isNotEmpty();
        var under =
                Html.parse(mvc.perform(get("/s/" + open.slug() + "?lang=ar")).andReturn());
        assertThat(under.select("#comments .comment .meta bdi > time")).isNotEmpty();
    }
}

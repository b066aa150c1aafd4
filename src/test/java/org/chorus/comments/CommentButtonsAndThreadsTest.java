package org.chorus.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import org.chorus.organizations.Actor;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Reply and Report are buttons that work without JavaScript; comments are read under the statement itself. */
@ChorusWebTest
class CommentButtonsAndThreadsTest {

    static final Cookie SESSION = new Cookie("chorus_session", "signed-in");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    CommentFixtures comments;

    @Test
    void reply_and_report_are_buttons_of_forms_that_work_without_javascript() throws Exception {
        var organization = fixtures.coalition();
        var owner = statements.ownerOf(organization);
        var statement = comments.published(owner, organization, true);
        var comment = comments.post(owner, statement, null, "Well said.");
        var reader = fixtures.person("reader");
        var path = "/s/" + statement.slug() + "/comments";

        var page = Html.parse(
                mvc.perform(get(path).with(user(reader)).cookie(SESSION)).andReturn());
        assertThat(page.select("details, summary")).isEmpty();
        var reply = page.selectFirst("form.comment-reply[method=get]");
        assertThat(reply.selectFirst("input[name=reply]").val())
                .isEqualTo(comment.id().toString());
        assertThat(reply.selectFirst("button[type=submit]").text()).isEqualTo("Reply");
        var report = page.selectFirst("form.comment-report[method=get]");
        assertThat(report.selectFirst("input[name=report]").val())
                .isEqualTo(comment.id().toString());
        assertThat(report.selectFirst("button[type=submit]").text()).isEqualTo("Report");

        var replying = Html.parse(mvc.perform(
                        get(path + "?reply=" + comment.id()).with(user(reader)).cookie(SESSION))
                .andReturn());
        assertThat(replying.selectFirst("#write-h").text()).isEqualTo("Reply");
        assertThat(replying.select("form.comment-form input[name=parent]").val())
                .isEqualTo(comment.id().toString());

        var reporting = Html.parse(mvc.perform(
                        get(path + "?report=" + comment.id()).with(user(reader)).cookie(SESSION))
                .andReturn());
        var form = reporting.selectFirst("form[method=post][action=/comments/" + comment.id() + "/report]");
        assertThat(form.select("textarea[name=reason]")).hasSize(1);
        assertThat(form.select("button[type=submit]")).hasSize(1);

        var guest = Html.parse(mvc.perform(get(path)).andReturn());
        var guestReply = guest.selectFirst("form.comment-reply[action=/s/" + statement.slug() + "/comments/guest]");
        assertThat(guestReply.selectFirst("input[name=parent]").val())
                .isEqualTo(comment.id().toString());
        assertThat(guestReply.select("button[type=submit]")).hasSize(1);
    }

    @Test
    void the_heading_of_the_comments_page_does_not_nest_quotes() throws Exception {
        var organization = fixtures.coalition();
        var owner = statements.ownerOf(organization);
        var statement = statements.published(
                owner, organization, "en", "“Fund the future!” " + Fixtures.unique("slogan"), "Text.");
        var page = Html.parse(
                mvc.perform(get("/s/" + statement.slug() + "/comments")).andReturn());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Comments");
        assertThat(page.title()).doesNotContain("““").doesNotContain("Comments on “");
    }

    @Test
    void comments_are_read_under_the_statement_and_appear_there_once_approved() throws Exception {
        var organization = fixtures.coalition();
        var owner = statements.ownerOf(organization);
        var statement = comments.published(owner, organization, true);
        var path = "/s/" + statement.slug();
        mvc.perform(get(path)); // an anonymous reader: the page is kept by the public page cache

        var first = comments.post(owner, statement, null, "First under the text.");
        comments.post(Actor.of(fixtures.person("writer")), statement, null, "Waiting for a moderator.");
        comments.post(owner, statement, first.id(), "A reply under the text.");

        var page = Html.parse(mvc.perform(get(path)).andReturn());
        var shown = page.select("#comments .comment-body").eachText();
        assertThat(shown).containsExactly("First under the text.", "A reply under the text.");
        assertThat(page.select("#comments .comment-replies .comment-body").eachText())
                .containsExactly("A reply under the text.");
        assertThat(page.select("#comments a[href='/s/" + statement.slug() + "/comments']"))
                .hasSize(1);
    }
}

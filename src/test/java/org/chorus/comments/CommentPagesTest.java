package org.chorus.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.chorus.accounts.ChorusUser;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.shared.web.PublicPageCache;
import org.chorus.statements.Statement;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.QueryCounter;
import org.chorus.support.TestClock;
import org.hamcrest.Matchers;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class CommentPagesTest {

    static final Cookie SESSION = new Cookie("chorus_session", "signed-in");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    CommentFixtures comments;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    ModeratingComments moderating;

    @Autowired
    TestClock clock;

    @Autowired
    PublicPageCache cache;

    Organization organization;
    Actor owner;
    ChorusUser moderator;
    Statement statement;

    @BeforeEach
    void an_organization_with_a_statement_open_to_comments() {
        organization = fixtures.coalition();
        owner = statements.ownerOf(organization);
        moderator = fixtures.person("moderator");
        fixtures.grant(organization, moderator, Role.MODERATOR);
        statement = comments.published(owner, organization, true);
    }

    @Test
    void a_person_comments_on_the_page_and_it_is_shown_once_a_moderator_approved_it() throws Exception {
        var person = fixtures.person("reader");
        var body = Fixtures.unique("I support this");
        mvc.perform(postComment(person, body, formStamp(person)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/s/" + statement.slug() + "/comments"))
                .andExpect(flash().attribute("notice", "comment.awaiting-moderation"));
        mvc.perform(get("/s/" + statement.slug() + "/comments"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(body))))
                .andExpect(Html.has("a[href=/login]"));

        var queue = mvc.perform(get("/o/" + organization.slug() + "/comments")
                        .with(user(moderator))
                        .cookie(SESSION))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(body)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var id = moderating
                .queue(Actor.of(moderator), organization.id())
                .items()
                .getFirst()
                .comment()
                .id();
        assertThat(queue).contains("/o/" + organization.slug() + "/comments/" + id + "/approve");
        mvc.perform(post("/o/" + organization.slug() + "/comments/" + id + "/approve")
                        .with(user(moderator))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/o/" + organization.slug() + "/comments"));

        mvc.perform(get("/s/" + statement.slug() + "/comments"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(body)));
    }

    @Test
    void the_statement_page_links_to_its_comments_only_when_they_are_on() throws Exception {
        mvc.perform(get("/s/" + statement.slug()))
                .andExpect(Html.has("a[href='/s/" + statement.slug() + "/comments']"));
        var closed = comments.published(owner, organization, false);
        mvc.perform(get("/s/" + closed.slug())).andExpect(status().isOk()).andExpect(Html.hasNo("a[href$=/comments]"));
    }

    @Test
    void a_comment_is_shown_escaped_with_its_line_breaks() throws Exception {
        comments.post(owner, statement, null, "<b>Not bold</b>\nSecond line");
        var shown = Html.parse(
                        mvc.perform(get("/s/" + statement.slug() + "/comments")).andReturn())
                .selectFirst(".comment-body:containsOwn(Not bold)");
        assertThat(shown).isNotNull();
        assertThat(shown.select("b"))
                .as("markup is shown as typed, not applied")
                .isEmpty();
        assertThat(shown.textNodes()).extracting(TextNode::text).containsExactly("<b>Not bold</b>", "Second line");
        assertThat(shown.select("br")).hasSize(2);
    }

    @Test
    void a_comment_typed_in_a_browser_is_stored_with_plain_line_endings() throws Exception {
        var person = fixtures.person("reader");
        var first = Fixtures.unique("Count us in");
        mvc.perform(postComment(person, first + "!\r\nSee you on Friday.\rLou", formStamp(person)))
                .andExpect(status().is3xxRedirection());

        var stored = jdbc.sql("select body from comments where body like :start")
                .param("start", first + "%")
                .query(String.class)
                .single();
        assertThat(stored).isEqualTo(first + "!\nSee you on Friday.\nLou");
    }

    @Test
    void signing_in_is_needed_to_comment() throws Exception {
        mvc.perform(post("/s/" + statement.slug() + "/comments").with(csrf()).param("body", "Anonymous"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/o/" + organization.slug() + "/comments"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.endsWith("/login")));
    }

    @Test
    void spam_is_refused_with_the_reason_next_to_the_field_in_the_readers_language() throws Exception {
        var person = fixtures.person("hasty");
        // too fast: sent at once after the form was shown
        var stamp = Html.first(
                        mvc.perform(get("/s/" + statement.slug() + "/comments")
                                        .with(user(person))
                                        .cookie(SESSION))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "input[name=stamp]")
                .val();
        mvc.perform(postComment(person, "Fast", stamp).header("Accept-Language", "fr"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#body-error"))
                .andExpect(content().string(Matchers.containsString("trop rapide")))
                .andExpect(Html.has("textarea[name=body]:containsOwn(Fast)"));
        mvc.perform(postComment(person, "No stamp", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("could not be checked")));
        mvc.perform(postComment(person, "http://a.example http://b.example http://c.example", formStamp(person)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("at most 2 links")));
        // the honeypot: answered as if accepted, nothing is stored
        mvc.perform(postComment(person, "Buy now", formStamp(person)).param("website", "http://spam.example"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "comment.awaiting-moderation"));
        assertThat(moderating.queue(Actor.of(moderator), organization.id()).items())
                .isEmpty();
    }

    @Test
    void the_moderation_queue_is_for_owners_and_moderators() throws Exception {
        var member = fixtures.person("member");
        fixtures.grant(organization, member, Role.MEMBER);
        mvc.perform(get("/o/" + organization.slug() + "/comments")
                        .with(user(member))
                        .cookie(SESSION))
                .andExpect(status().isForbidden());
        var waiting = comments.post(Actor.of(fixtures.person("outsider")), statement, null, "Waiting.");
        mvc.perform(post("/o/" + organization.slug() + "/comments/" + waiting.id() + "/approve")
                        .with(user(member))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/o/" + organization.slug() + "/comments/" + waiting.id() + "/ban")
                        .with(user(moderator))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "comment.moderation.ban-done"));
        assertThat(moderating.queue(Actor.of(moderator), organization.id()).items())
                .isEmpty();
    }

    @Test
    void the_author_edits_and_a_reader_reports_through_the_pages() throws Exception {
        var author = fixtures.person("author");
        fixtures.grant(organization, author, Role.MEMBER);
        var comment = comments.post(Actor.of(author), statement, null, "Frist.");
        mvc.perform(get("/s/" + statement.slug() + "/comments")
                        .with(user(author))
                        .cookie(SESSION))
                .andExpect(content().string(Matchers.containsString("/comments/" + comment.id() + "/edit")));
        mvc.perform(get("/comments/" + comment.id() + "/edit")
                        .with(user(author))
                        .cookie(SESSION))
                .andExpect(status().isOk())
                .andExpect(Html.has("textarea[name=body]:matchesOwn(^Frist\\.$)"));
        mvc.perform(post("/comments/" + comment.id() + "/edit")
                        .with(user(author))
                        .with(csrf())
                        .param("body", "First."))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/s/" + statement.slug() + "/comments#c-" + comment.id()));
        mvc.perform(get("/comments/" + comment.id() + "/edit")
                        .with(user(fixtures.person("other")))
                        .cookie(SESSION))
                .andExpect(status().isForbidden());

        mvc.perform(post("/comments/" + comment.id() + "/report")
                        .with(user(fixtures.person("reader")))
                        .with(csrf())
                        .param("reason", "Spam"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "comment.reported"));
        assertThat(moderating.queue(Actor.of(moderator), organization.id()).items())
                .extracting(i -> i.comment().body())
                .containsExactly("First.");

        clock.advance(Duration.ofMinutes(16));
        mvc.perform(get("/comments/" + comment.id() + "/edit")
                        .with(user(author))
                        .cookie(SESSION))
                .andExpect(status().isConflict());
    }

    @Test
    void the_comments_page_costs_the_same_for_two_comments_or_thirty() throws Exception {
        var few = comments.published(owner, organization, true);
        var many = comments.published(owner, organization, true);
        for (int i = 0; i < 2; i++) {
            comments.post(owner, few, null, "Comment " + i);
        }
        Comment top = null;
        for (int i = 0; i < 30; i++) {
            var c = comments.post(owner, many, i % 3 == 0 ? null : top.id(), "Comment " + i);
            top = i % 3 == 0 ? c : top;
        }
        assertThat(queries("/s/" + many.slug() + "/comments")).isEqualTo(queries("/s/" + few.slug() + "/comments"));
        var reader = fixtures.person("reader");
        assertThat(queries("/s/" + many.slug() + "/comments", reader))
                .isEqualTo(queries("/s/" + few.slug() + "/comments", reader));
    }

    private int queries(String path) throws Exception {
        cache.invalidate();
        QueryCounter.reset();
        mvc.perform(get(path)).andExpect(status().isOk());
        return QueryCounter.count();
    }

    private int queries(String path, ChorusUser viewer) throws Exception {
        QueryCounter.reset();
        mvc.perform(get(path).with(user(viewer)).cookie(SESSION)).andExpect(status().isOk());
        return QueryCounter.count();
    }

    /** Shows the form as the person would see it, then lets a few seconds pass. */
    private String formStamp(ChorusUser person) throws Exception {
        var page = mvc.perform(get("/s/" + statement.slug() + "/comments")
                        .with(user(person))
                        .cookie(SESSION))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var stamp = Html.first(page, "input[name=stamp]").val();
        clock.advance(Duration.ofSeconds(4));
        return stamp;
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder postComment(
            ChorusUser person, String body, String stamp) {
        return post("/s/" + statement.slug() + "/comments")
                .with(user(person))
                .with(csrf())
                .param("body", body)
                .param("stamp", stamp)
                .param("website", "");
    }
}

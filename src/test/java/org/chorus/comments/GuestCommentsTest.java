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

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.chorus.accounts.ChorusUser;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.statements.Statement;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.TestClock;
import org.chorus.support.TestMail;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@ChorusWebTest
class GuestCommentsTest {

    static final Pattern LINK = Pattern.compile("http://localhost/guest-comments/([A-Za-z0-9_-]+)");
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
    ModeratingComments moderating;

    @Autowired
    CommentRetention retention;

    @Autowired
    ReadingComments reading;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    Organization organization;
    Actor owner;
    ChorusUser moderator;
    Statement statement;

    @Autowired
    org.chorus.notifications.ReadingTasks tasks;

    @BeforeEach
    void an_organization_with_a_statement_open_to_comments() {
        organization = fixtures.coalition();
        owner = statements.ownerOf(organization);
        moderator = fixtures.person("moderator");
        fixtures.grant(organization, moderator, Role.MODERATOR);
        statement = comments.published(owner, organization, true);
    }

    static String address() {
        return "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** A visitor opens the guest form as a browser would (new session), takes a few seconds, and sends it. */
    ResultActions postAsGuest(String language, String parent, String name, String email, String body, String honeypot)
            throws Exception {
        var form = mvc.perform(
                        get("/s/" + statement.slug() + "/comments/guest" + (parent == null ? "" : "?parent=" + parent))
                                .header("Accept-Language", language))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andReturn();
        var page = form.getResponse().getContentAsString();
        var session = (MockHttpSession) form.getRequest().getSession(false);
        assertThat(session)
                .as("the CSRF token of the form is bound to a new session")
                .isNotNull();
        var stamp = Html.first(page, "input[name=stamp]").val();
        var token = Html.first(page, "input[name=_csrf]").val();
        clock.advance(Duration.ofSeconds(4));
        var request = post("/s/" + statement.slug() + "/comments/guest")
                .session(session)
                .header("Accept-Language", language)
                .param("_csrf", token)
                .param("stamp", stamp)
                .param("name", name)
                .param("email", email)
                .param("body", body)
                .param("website", honeypot);
        if (parent != null) {
            request.param("parent", parent);
        }
        return mvc.perform(request);
    }

    static String part(MimeMessage message, String type) {
        return org.chorus.support.ReceivedMail.part(message, type);
    }

    static String token(MimeMessage message) throws Exception {
        var matcher = LINK.matcher(part(message, "text/plain"));
        assertThat(matcher.find())
                .as("the letter carries the confirmation link")
                .isTrue();
        return matcher.group(1);
    }

    String statusOf(String body) {
        return jdbc.sql("select status from comments where body = :body")
                .param("body", body)
                .query(String.class)
                .optional()
                .orElse("none");
    }

    @Test
    void a_guest_comments_confirms_by_email_and_the_comment_is_shown_once_a_moderator_approved_it() throws Exception {
        mvc.perform(get("/s/" + statement.slug() + "/comments"))
                .andExpect(Html.has("a[href='/s/" + statement.slug() + "/comments/guest']"))
                .andExpect(Html.has("a[href=/login]"))
                .andExpect(Html.hasNo("input[name=_csrf]"));
        var email = address();
        var body = Fixtures.unique("As a neighbour I support this");
        postAsGuest("en", null, "Ada Guest", email, body, "")
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/s/" + statement.slug() + "/comments"))
                .andExpect(flash().attribute("notice", "comment.guest.check-email"));

        var letter = TestMail.awaitOne(email);
        var title = jdbc.sql("select title from statement_texts where statement_id = :id")
                .param("id", statement.id().value())
                .query(String.class)
                .single();
        assertThat(letter.getSubject()).isEqualTo("Confirm your comment on “" + title + "”");
        assertThat(part(letter, "text/plain"))
                .contains("Hello Ada Guest")
                .contains(organization.name())
                .contains("valid for 48 hours")
                .contains("You get this message because this address was given to comment on a statement by "
                        + organization.name());
        assertThat(Html.select(part(letter, "text/html"), "html[dir=ltr]")).isNotEmpty();

        assertThat(statusOf(body)).isEqualTo("UNCONFIRMED");
        assertThat(moderating.queue(Actor.of(moderator), organization.id()).items())
                .as("not in the moderation queue before the address is confirmed")
                .isEmpty();
        // a mail scanner opening the link confirms nothing: the page's button does
        mvc.perform(get("/guest-comments/" + token(letter)))
                .andExpect(status().isOk())
                .andExpect(Html.has("form[method=post][action=/guest-comments/" + token(letter) + "?lang=en] button"));
        assertThat(statusOf(body)).isEqualTo("UNCONFIRMED");

        mvc.perform(post("/guest-comments/" + token(letter)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("now waits for the organization’s moderators")))
                .andExpect(content().string(Matchers.containsString("/s/" + statement.slug() + "/comments")));
        assertThat(statusOf(body)).isEqualTo("PENDING");
        org.chorus.support.Eventually.eventually("the confirmed comment is a task for the moderators")
                .until(() -> tasks.count(Actor.of(moderator)) == 1);
        mvc.perform(post("/guest-comments/" + token(letter)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("already confirmed")));
        mvc.perform(get("/s/" + statement.slug() + "/comments"))
                .andExpect(content().string(Matchers.not(Matchers.containsString(body))));

        var queue = mvc.perform(get("/o/" + organization.slug() + "/comments")
                        .with(user(moderator))
                        .cookie(SESSION))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(queue)
                .contains(body)
                .contains("Ada Guest")
                .contains("guest (email confirmed)")
                .doesNotContain(email);
        var item = moderating
                .queue(Actor.of(moderator), organization.id())
                .items()
                .getFirst()
                .comment();
        assertThat(item.guest()).isTrue();
        mvc.perform(post("/o/" + organization.slug() + "/comments/" + item.id() + "/approve")
                        .with(user(moderator))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/s/" + statement.slug() + "/comments"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(body)))
                .andExpect(Html.has("p.meta:has(> strong > bdi:matchesOwn(^Ada Guest$)):containsOwn((guest))"));
    }

    @Test
    void the_letter_and_the_pages_are_in_arabic_for_an_arabic_reader() throws Exception {
        var email = address();
        var body = Fixtures.unique("تعليق");
        postAsGuest("ar", null, "ليلى", email, body, "").andExpect(status().is3xxRedirection());
        var letter = TestMail.awaitOne(email);
        assertThat(letter.getSubject()).startsWith("أكّد تعليقك على «");
        assertThat(part(letter, "text/plain")).contains("مرحبًا ليلى").contains(organization.name());
        assertThat(Html.select(part(letter, "text/html"), "html[lang=ar][dir=rtl]"))
                .isNotEmpty();
        mvc.perform(post("/guest-comments/" + token(letter)).with(csrf()).header("Accept-Language", "ar"))
                .andExpect(status().isOk())
                .andExpect(Html.has("html[dir=rtl]"))
                .andExpect(content().string(Matchers.containsString("ينتظر تعليقك الآن مشرفي المنظمة")));
        assertThat(statusOf(body)).isEqualTo("PENDING");
    }

    @Test
    void a_guest_replies_to_an_approved_comment() throws Exception {
        var top = comments.post(owner, statement, null, "Organizers speaking.");
        var email = address();
        var body = Fixtures.unique("A guest reply");
        mvc.perform(get("/s/" + statement.slug() + "/comments"))
                .andExpect(Html.has("form.comment-reply[method=get][action=/s/" + statement.slug()
                        + "/comments/guest] input[name=parent][value=" + top.id() + "]"));
        postAsGuest("en", top.id().toString(), "Replying Guest", email, body, "")
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/guest-comments/" + token(TestMail.awaitOne(email))).with(csrf()))
                .andExpect(status().isOk());
        var reply = moderating
                .queue(Actor.of(moderator), organization.id())
                .items()
                .getFirst()
                .comment();
        assertThat(reply.parent()).isEqualTo(top.id());
        assertThat(reply.body()).isEqualTo(body);
    }

    @Test
    void an_unconfirmed_comment_is_never_shown_and_its_expired_link_is_refused_then_it_is_deleted() throws Exception {
        var email = address();
        var body = Fixtures.unique("Never confirmed");
        postAsGuest("en", null, "Late Guest", email, body, "").andExpect(status().is3xxRedirection());
        var token = token(TestMail.awaitOne(email));
        var id = jdbc.sql("select id from comments where body = :body")
                .param("body", body)
                .query(UUID.class)
                .single();
        assertThatApprovalIsNeverPossibleBeforeConfirmation(new CommentId(id));

        clock.advance(CommentingAsGuest.LINK_VALIDITY.plusMinutes(1));
        mvc.perform(post("/guest-comments/" + token).with(csrf()).header("Accept-Language", "fr"))
                .andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("Ce lien a expiré")))
                .andExpect(content().string(Matchers.containsString("valables 48 heures")));
        assertThat(statusOf(body)).isEqualTo("UNCONFIRMED");
        mvc.perform(get("/s/" + statement.slug() + "/comments"))
                .andExpect(content().string(Matchers.not(Matchers.containsString(body))));

        retention.deleteExpired();
        assertThat(statusOf(body)).isEqualTo("none");
        mvc.perform(post("/guest-comments/" + token).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("This confirmation link is not valid")));
        mvc.perform(post("/guest-comments/not-a-token").with(csrf())).andExpect(status().isNotFound());
    }

    private void assertThatApprovalIsNeverPossibleBeforeConfirmation(CommentId id) {
        assertThat(moderating.queue(Actor.of(moderator), organization.id()).items())
                .isEmpty();
        assertThat(reading.page(null, statement.slug()).threads())
                .noneMatch(t -> t.comment().id().equals(id));
    }

    @Test
    void spam_from_guests_is_refused_like_spam_from_members() throws Exception {
        var email = address();
        postAsGuest("en", null, "Robot", email, "Buy now", "http://spam.example")
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "comment.guest.check-email"));
        assertThat(statusOf("Buy now")).as("the honeypot stores nothing").isEqualTo("none");
        postAsGuest("en", null, "Robot", email, "http://a.example http://b.example http://c.example", "")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("at most 2 links")))
                .andExpect(Html.has("input[name=email][value='" + email + "']"));
        postAsGuest("en", null, "", email, "No name", "")
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#name-error"));
        postAsGuest("en", null, "Typo", "not-an-address", "Bad address", "")
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#email-error"));
        // sent at once after the form was shown
        var form =
                mvc.perform(get("/s/" + statement.slug() + "/comments/guest")).andReturn();
        var page = form.getResponse().getContentAsString();
        var stamp = Html.first(page, "input[name=stamp]").val();
        var token = Html.first(page, "input[name=_csrf]").val();
        mvc.perform(post("/s/" + statement.slug() + "/comments/guest")
                        .session((MockHttpSession) form.getRequest().getSession(false))
                        .param("_csrf", token)
                        .param("stamp", stamp)
                        .param("name", "Hasty")
                        .param("email", email)
                        .param("body", "Fast"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("too fast")));
        // without the form's token
        mvc.perform(post("/s/" + statement.slug() + "/comments/guest")
                        .param("stamp", stamp)
                        .param("name", "Forger")
                        .param("email", email)
                        .param("body", "Cross-site"))
                .andExpect(status().isForbidden());
        assertThat(TestMail.everDeliveredTo(email)).isFalse();
    }

    @Test
    void a_form_stamp_brings_in_one_comment_and_a_replay_is_refused_with_a_fresh_form() throws Exception {
        var email = address();
        var form =
                mvc.perform(get("/s/" + statement.slug() + "/comments/guest")).andReturn();
        var session = (MockHttpSession) form.getRequest().getSession(false);
        var page = form.getResponse().getContentAsString();
        var stamp = Html.first(page, "input[name=stamp]").val();
        var token = Html.first(page, "input[name=_csrf]").val();
        clock.advance(Duration.ofSeconds(4));
        java.util.function.BiFunction<String, String, MockHttpServletRequestBuilder> sending =
                (withStamp, body) -> post("/s/" + statement.slug() + "/comments/guest")
                        .session(session)
                        .header("Accept-Language", "fr")
                        .param("_csrf", token)
                        .param("stamp", withStamp)
                        .param("name", "Replayer")
                        .param("email", email)
                        .param("body", body);
        var first = Fixtures.unique("Once");
        var replayed = Fixtures.unique("Twice");

        mvc.perform(sending.apply(stamp, first)).andExpect(status().is3xxRedirection());
        var refusal = mvc.perform(sending.apply(stamp, replayed))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Ce formulaire a déjà été envoyé")))
                .andExpect(Html.has("textarea[name=body]"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(commentsWithBody(replayed)).isZero();
        var fresh = Html.first(refusal, "input[name=stamp]").val();
        assertThat(fresh).isNotBlank().isNotEqualTo(stamp);
        clock.advance(Duration.ofSeconds(4));
        mvc.perform(sending.apply(fresh, replayed)).andExpect(status().is3xxRedirection());
        assertThat(commentsWithBody(first)).isOne();
        assertThat(commentsWithBody(replayed)).isOne();
    }

    @Test
    void a_form_sent_back_for_a_mistake_is_accepted_once_corrected() throws Exception {
        var email = address();
        var body = Fixtures.unique("Corrected");
        var mistake = postAsGuest("en", null, "", email, body, "")
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#name-error"))
                .andReturn();
        var page = mistake.getResponse().getContentAsString();
        clock.advance(Duration.ofSeconds(4));

        mvc.perform(post("/s/" + statement.slug() + "/comments/guest")
                        .session((MockHttpSession) mistake.getRequest().getSession(false))
                        .param("_csrf", Html.first(page, "input[name=_csrf]").val())
                        .param("stamp", Html.first(page, "input[name=stamp]").val())
                        .param("name", "Careful")
                        .param("email", email)
                        .param("body", body))
                .andExpect(status().is3xxRedirection());
        assertThat(commentsWithBody(body)).isOne();
    }

    private int commentsWithBody(String body) {
        return jdbc.sql("select count(*) from comments where body = :body")
                .param("body", body)
                .query(Integer.class)
                .single();
    }

    @Test
    void the_database_holds_no_guest_address_in_the_clear() throws Exception {
        var email = address();
        var body = Fixtures.unique("Private address");
        postAsGuest("en", null, "Discreet", email, body, "").andExpect(status().is3xxRedirection());
        TestMail.awaitOne(email);
        var row = jdbc.sql("select c::text from comments c where body = :body")
                .param("body", body)
                .query(String.class)
                .single();
        assertThat(row).contains("Discreet").doesNotContain(email).doesNotContain(email.toUpperCase());
        var sealed = jdbc.sql("select encode(guest_email, 'escape') from comments where body = :body")
                .param("body", body)
                .query(String.class)
                .single();
        assertThat(sealed).doesNotContain(email);
    }

    @Test
    void a_banned_guest_address_can_no_longer_comment_there() throws Exception {
        var email = address();
        var body = Fixtures.unique("First and last");
        postAsGuest("en", null, "Troll", email, body, "").andExpect(status().is3xxRedirection());
        mvc.perform(post("/guest-comments/" + token(TestMail.awaitOne(email))).with(csrf()));
        var id = moderating
                .queue(Actor.of(moderator), organization.id())
                .items()
                .getFirst()
                .comment()
                .id();
        mvc.perform(post("/o/" + organization.slug() + "/comments/" + id + "/ban")
                        .with(user(moderator))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "comment.moderation.ban-done"));
        assertThat(statusOf(body)).isEqualTo("REJECTED");
        postAsGuest("en", null, "Troll again", email.toUpperCase(), "Again", "").andExpect(status().isForbidden());
        assertThat(TestMail.to(email)).hasSize(1);
    }

    @Test
    void signed_in_people_keep_the_usual_form_and_closed_statements_take_no_guests() throws Exception {
        var person = fixtures.person("reader");
        mvc.perform(get("/s/" + statement.slug() + "/comments/guest")
                        .with(user(person))
                        .cookie(SESSION))
                .andExpect(redirectedUrl("/s/" + statement.slug() + "/comments"));
        mvc.perform(get("/s/" + statement.slug() + "/comments")
                        .with(user(person))
                        .cookie(SESSION))
                .andExpect(Html.has("form[action='/s/" + statement.slug() + "/comments']"))
                .andExpect(Html.hasNo("[href*=comments/guest], [action*=comments/guest]"));
        var closed = comments.published(owner, organization, false);
        mvc.perform(get("/s/" + closed.slug() + "/comments/guest"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Comments are turned off")))
                .andExpect(Html.hasNo("input[name=email]"));
        mvc.perform(post("/s/" + closed.slug() + "/comments/guest")
                        .with(csrf())
                        .param("name", "Guest")
                        .param("email", address())
                        .param("body", "Hello"))
                .andExpect(status().isConflict());
    }
}

package org.chorus.follows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.follows.FollowMail.header;
import static org.chorus.follows.FollowMail.html;
import static org.chorus.follows.FollowMail.link;
import static org.chorus.follows.FollowMail.subject;
import static org.chorus.follows.FollowMail.text;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.organizations.OrganizationKind;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class FollowingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    FollowFixtures follows;

    @Autowired
    JdbcClient jdbc;

    @Test
    void someone_follows_an_organization_by_email_confirms_by_link_and_hears_of_each_statement() throws Exception {
        var coalition = fixtures.coalition();
        var owner = statements.ownerOf(coalition);
        var email = Fixtures.uniqueEmail("follower");

        mvc.perform(get("/o/" + coalition.slug()))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("/follow?organization=" + coalition.slug())));
        mvc.perform(get("/follow").param("organization", coalition.slug()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(coalition.name())));
        follows.ask(mvc, email, "organization", coalition.slug(), "en", "IMMEDIATE", false);

        var confirmation = TestMail.awaitOne(email);
        assertThat(subject(confirmation)).isEqualTo("Confirm: follow " + coalition.name());
        assertThat(text(confirmation)).contains("asked to get the statements of " + coalition.name());
        assertThat(header(confirmation, "List-Unsubscribe")).as("transactional").isNull();
        var before = statements.published(owner, coalition, "en", "Before the confirmation", "Nothing yet.");
        follows.awaitNotices(before.id());
        assertThat(outboxRows("follows.statement:" + before.id().value() + ":%"))
                .isEmpty();

        var confirm = link(confirmation, "/follows/confirm/");
        mvc.perform(get(confirm)).andExpect(status().isOk());
        assertThat(followStatus(email, coalition))
                .as("a GET only shows the button")
                .isEqualTo("PENDING");
        mvc.perform(post(confirm).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("You follow " + coalition.name())));
        assertThat(followStatus(email, coalition)).isEqualTo("ACTIVE");

        var statement = statements.published(owner, coalition, "en", "Fund adaptation now", "We ask.");
        var notice = TestMail.await(email, 2).get(1);
        assertThat(subject(notice)).isEqualTo(coalition.name() + ": Fund adaptation now");
        assertThat(text(notice))
                .contains("published a statement")
                .contains("http://localhost/s/" + statement.slug())
                .contains("because you follow " + coalition.name());
        var unsubscribe = header(notice, "List-Unsubscribe");
        assertThat(unsubscribe).matches("<http://localhost/follows/[0-9a-f-]{36}/[A-Za-z0-9_-]+/unsubscribe>");
        assertThat(header(notice, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

        // the one-click POST of RFC 8058: no session, no CSRF token
        var path = unsubscribe.substring("<http://localhost".length(), unsubscribe.length() - 1);
        mvc.perform(post(path)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
        assertThat(followStatus(email, coalition)).isEqualTo("UNSUBSCRIBED");

        var later = statements.published(owner, coalition, "en", "Nobody hears of this", "We ask.");
        follows.awaitNotices(later.id());
        assertThat(jdbc.sql("select count(*) from email_outbox where idempotency_key like :k")
                        .param("k", "follows.statement:" + later.id().value() + ":%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void an_arabic_follower_gets_the_confirmation_and_the_notice_in_arabic_right_to_left() throws Exception {
        var coalition = fixtures.coalition();
        var owner = statements.ownerOf(coalition);
        var email = Fixtures.uniqueEmail("arabic");

        follows.ask(mvc, email, "organization", coalition.slug(), "ar", "IMMEDIATE", false);
        var confirmation = TestMail.awaitOne(email);
        assertThat(subject(confirmation)).isEqualTo("تأكيد: متابعة " + coalition.name());
        assertThat(Html.select(html(confirmation), "html[dir=rtl]")).isNotEmpty();
        assertThat(Html.parse(html(confirmation)).text()).contains("طلب أحدهم");
        mvc.perform(post(link(confirmation, "/follows/confirm/")).with(csrf())).andExpect(status().isOk());

        statements.published(owner, coalition, "en", "Climate finance", "We ask.");
        var notice = TestMail.await(email, 2).get(1);
        assertThat(subject(notice)).isEqualTo(coalition.name() + ": Climate finance");
        assertThat(Html.select(html(notice), "html[dir=rtl]")).isNotEmpty();
        assertThat(Html.parse(html(notice)).text()).contains("نشرت " + coalition.name());
        assertThat(text(notice)).contains("تصلك هذه الرسالة لأنك تتابع " + coalition.name());
        assertThat(header(notice, "List-Unsubscribe")).isNotNull();
    }

    @Test
    void following_a_coalition_with_what_is_below_hears_of_a_chapter_and_without_does_not() throws Exception {
        var coalition = fixtures.coalition();
        var chapter = fixtures.below(coalition, OrganizationKind.CHAPTER);
        var owner = statements.ownerOf(chapter);
        var withChildren = Fixtures.uniqueEmail("with-children");
        var without = Fixtures.uniqueEmail("without");
        follows.follow(mvc, withChildren, "organization", coalition.slug(), "en", "IMMEDIATE", true);
        follows.follow(mvc, without, "organization", coalition.slug(), "en", "IMMEDIATE", false);

        var statement = statements.published(owner, chapter, "en", "Chapter speaks", "We ask.");
        var notice = TestMail.await(withChildren, 2).get(1);
        assertThat(subject(notice)).isEqualTo(chapter.name() + ": Chapter speaks");
        assertThat(text(notice)).contains("you follow " + coalition.name() + " and the organizations below it");
        assertThat(outboxRows("follows.statement:" + statement.id().value() + ":%"))
                .hasSize(1);
    }

    @Test
    void a_topic_follower_hears_of_statements_with_that_topic_once_even_when_following_the_issuer_too()
            throws Exception {
        var coalition = fixtures.coalition();
        var owner = statements.ownerOf(coalition);
        var topic = Fixtures.unique("water").toLowerCase();
        var email = Fixtures.uniqueEmail("topic");
        var both = Fixtures.uniqueEmail("both");

        mvc.perform(get("/statements").param("topic", topic))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/follow?topic=" + topic)));
        follows.follow(mvc, email, "topic", topic, "en", "IMMEDIATE", false);
        follows.follow(mvc, both, "topic", topic, "fr", "IMMEDIATE", false);
        follows.follow(mvc, both, "organization", coalition.slug(), "fr", "IMMEDIATE", false);

        follows.publish(owner, coalition, "en", "Other things", "energy");
        var statement = follows.publish(owner, coalition, "en", "Water for all", topic + ", energy");

        var notice = TestMail.await(email, 2).get(1);
        assertThat(subject(notice)).isEqualTo(coalition.name() + ": Water for all");
        assertThat(text(notice)).contains("you follow the topic “" + topic + "”");
        var toBoth = TestMail.await(both, 4);
        assertThat(toBoth.stream().map(FollowMail::subject))
                .as("two confirmations, the first statement, and one letter for the second")
                .containsOnlyOnce(coalition.name() + " : Water for all");
        assertThat(text(toBoth.getLast())).contains("parce que vous suivez " + coalition.name());
        assertThat(jdbc.sql("select count(*) from email_outbox where idempotency_key like :k")
                        .param("k", "follows.statement:" + statement.id().value() + ":%")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void following_again_while_pending_sends_a_new_link_and_while_active_says_so() throws Exception {
        var coalition = fixtures.coalition();
        var email = Fixtures.uniqueEmail("again");
        follows.ask(mvc, email, "organization", coalition.slug(), "en", "IMMEDIATE", false);
        // the first letter before the second request: two queued at once may arrive in either order
        TestMail.awaitOne(email);
        follows.ask(mvc, email, "organization", coalition.slug(), "en", "WEEKLY", false);
        var letters = TestMail.await(email, 2);
        var first = link(letters.get(0), "/follows/confirm/");
        var second = link(letters.get(1), "/follows/confirm/");
        assertThat(first).isNotEqualTo(second);
        mvc.perform(post(first).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(second).with(csrf())).andExpect(status().isOk());

        mvc.perform(post("/follow")
                        .with(csrf())
                        .param("organization", coalition.slug())
                        .param("email", email)
                        .param("language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Check your inbox")));
        var already = TestMail.await(email, 3).get(2);
        assertThat(subject(already)).isEqualTo("You already follow " + coalition.name());
        assertThat(link(already, "/follows/")).doesNotContain("confirm");
    }

    @Test
    void a_bad_address_is_refused_and_too_many_requests_for_one_address_are_slowed_down() throws Exception {
        var coalition = fixtures.coalition();
        mvc.perform(post("/follow")
                        .with(csrf())
                        .param("organization", coalition.slug())
                        .param("email", "not an address"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name@example.org")));
        var email = Fixtures.uniqueEmail("hasty");
        for (int i = 0; i < 3; i++) {
            follows.ask(mvc, email, "organization", coalition.slug(), "en", "IMMEDIATE", false);
        }
        mvc.perform(post("/follow")
                        .with(csrf())
                        .param("organization", coalition.slug())
                        .param("email", email))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
    }

    @Test
    void the_unsubscribe_link_opened_by_a_browser_or_a_scanner_only_shows_a_button() throws Exception {
        var coalition = fixtures.coalition();
        var owner = statements.ownerOf(coalition);
        var email = Fixtures.uniqueEmail("scanner");
        follows.follow(mvc, email, "organization", coalition.slug(), "en", "IMMEDIATE", false);
        statements.published(owner, coalition, "en", "Scanned", "We ask.");
        var notice = TestMail.await(email, 2).get(1);
        var path = link(notice, "/follows/");
        var unsubscribe = path.endsWith("/unsubscribe") ? path : path + "/unsubscribe";

        mvc.perform(get(unsubscribe))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(Html.has("form[action='" + unsubscribe + "']"));
        assertThat(followStatus(email, coalition)).isEqualTo("ACTIVE");
        mvc.perform(get(unsubscribe.replaceAll("/[A-Za-z0-9_-]+/unsubscribe$", "/forged/unsubscribe")))
                .andExpect(status().isNotFound());
        mvc.perform(post(unsubscribe).with(csrf())).andExpect(status().isOk());
        assertThat(followStatus(email, coalition)).isEqualTo("UNSUBSCRIBED");
    }

    @Test
    void the_preferences_page_changes_frequency_language_and_what_is_below() throws Exception {
        var coalition = fixtures.coalition();
        var owner = statements.ownerOf(coalition);
        var email = Fixtures.uniqueEmail("prefs");
        follows.follow(mvc, email, "organization", coalition.slug(), "en", "IMMEDIATE", false);
        statements.published(owner, coalition, "en", "Preferences", "We ask.");
        var notice = TestMail.await(email, 2).get(1);
        var preferences = header(notice, "List-Unsubscribe").replaceAll("^<http://localhost|/unsubscribe>$", "");

        mvc.perform(get(preferences))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(Html.has("[name=frequency]"));
        mvc.perform(post(preferences)
                        .with(csrf())
                        .param("frequency", "WEEKLY")
                        .param("includeChildren", "true")
                        .param("language", "es"))
                .andExpect(status().is3xxRedirection());
        var row = jdbc.sql("""
                        select f.frequency || ' ' || f.include_children || ' ' || f.language from follows f
                        where f.organization_id = :org""")
                .param("org", coalition.id().value())
                .query(String.class)
                .single();
        assertThat(row).isEqualTo("WEEKLY true es");
        mvc.perform(get(preferences).param("lang", "es"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Un resumen semanal")));
    }

    private java.util.List<String> outboxRows(String key) {
        return jdbc.sql("select idempotency_key from email_outbox where idempotency_key like :k")
                .param("k", key)
                .query(String.class)
                .list();
    }

    private String followStatus(String email, org.chorus.organizations.Organization organization) {
        return jdbc.sql("select f.status from follows f where f.organization_id = :org and f.follower_id in "
                        + "(select id from followers where email_index = :index)")
                .param("org", organization.id().value())
                .param("index", personalData.emailIndex(email))
                .query(String.class)
                .single();
    }

    @Autowired
    org.chorus.shared.crypto.PersonalData personalData;
}

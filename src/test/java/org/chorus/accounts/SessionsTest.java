package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.accounts.SignedInDevices.CHROME_ON_WINDOWS;
import static org.chorus.accounts.SignedInDevices.FIREFOX_ON_ANDROID;
import static org.chorus.accounts.SignedInDevices.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The account page lists where a person is signed in, and ends sessions they do not recognise (issue 11, item 12). */
@ChorusWebTest
class SessionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_list_shows_each_device_and_the_day_it_was_last_used_and_marks_this_session() throws Exception {
        var person = fixtures.person("devices");
        var laptop = signIn(mvc, person.email(), CHROME_ON_WINDOWS);
        signIn(mvc, person.email(), FIREFOX_ON_ANDROID);

        var page = Html.parse(mvc.perform(get("/account/sessions").session(laptop))
                .andExpect(status().isOk())
                .andReturn());

        var rows = page.select("tr.session");
        assertThat(rows).hasSize(2);
        assertThat(rows.first().text()).contains("Chrome on Windows", "This session");
        assertThat(rows.get(1).text()).contains("Firefox on Android").doesNotContain("This session");
        var today = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.ENGLISH)
                .format(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        assertThat(rows.get(1).text()).contains(today);
        assertThat(rows.first().select("form"))
                .as("this session is ended by signing out")
                .isEmpty();
        assertThat(rows.get(1).select("form button").text()).isEqualTo("End the session on Firefox on Android");
    }

    @Test
    void no_network_address_is_ever_stored_with_a_session() {
        var columns = jdbc.sql(
                        "select column_name from information_schema.columns where table_name = 'account_sessions'")
                .query(String.class)
                .list();
        assertThat(columns)
                .containsExactlyInAnyOrder(
                        "id", "session_hash", "account_id", "browser", "os", "created_at", "last_seen_day");
    }

    @Test
    void ending_another_session_sends_that_browser_to_sign_in_and_keeps_this_one() throws Exception {
        var person = fixtures.person("lost-phone");
        var laptop = signIn(mvc, person.email(), CHROME_ON_WINDOWS);
        var phone = signIn(mvc, person.email(), FIREFOX_ON_ANDROID);
        var phoneRow = Html.parse(
                        mvc.perform(get("/account/sessions").session(laptop)).andReturn())
                .select("tr.session:not(.current) form")
                .attr("action");

        mvc.perform(post(phoneRow).session(laptop).with(csrf())).andExpect(redirectedUrl("/account/sessions"));

        mvc.perform(get("/account").session(phone)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/account").session(laptop)).andExpect(status().isOk());
        assertThat(Html.parse(mvc.perform(get("/account/sessions").session(laptop))
                                .andReturn())
                        .select("tr.session"))
                .hasSize(1);
    }

    @Test
    void ending_all_other_sessions_ends_every_one_but_this() throws Exception {
        var person = fixtures.person("everywhere");
        var here = signIn(mvc, person.email(), CHROME_ON_WINDOWS);
        var elsewhere = java.util.List.of(
                signIn(mvc, person.email(), FIREFOX_ON_ANDROID), signIn(mvc, person.email(), FIREFOX_ON_ANDROID));

        mvc.perform(post("/account/sessions/end-others").session(here).with(csrf()))
                .andExpect(redirectedUrl("/account/sessions"));

        for (MockHttpSession session : elsewhere) {
            mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login?expired"));
        }
        mvc.perform(get("/account").session(here)).andExpect(status().isOk());
    }

    @Test
    void nobody_ends_a_session_of_someone_else() throws Exception {
        var victim = fixtures.person("victim");
        var intruder = fixtures.person("intruder");
        var victimSession = signIn(mvc, victim.email(), FIREFOX_ON_ANDROID);
        var row = Html.parse(mvc.perform(get("/account/sessions").session(victimSession))
                        .andReturn())
                .select("tr.session")
                .first();
        var id = jdbc.sql("select id from account_sessions where account_id = :account")
                .param("account", victim.id().value())
                .query(java.util.UUID.class)
                .single();
        assertThat(row).isNotNull();

        mvc.perform(post("/account/sessions/" + id + "/end")
                        .session(signIn(mvc, intruder.email(), CHROME_ON_WINDOWS))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/account").session(victimSession)).andExpect(status().isOk());
    }

    @Test
    void the_last_day_seen_is_written_once_a_day_not_on_every_request() throws Exception {
        var person = fixtures.person("daily");
        var session = signIn(mvc, person.email(), FIREFOX_ON_ANDROID);
        var hash = Sessions.hash(session.getId());
        jdbc.sql("update account_sessions set last_seen_day = date '2000-01-01' where session_hash = :hash")
                .param("hash", hash)
                .update();

        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
        assertThat(lastSeen(hash)).as("already written today").isEqualTo(LocalDate.of(2000, 1, 1));

        clock.advance(Duration.ofDays(1));
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
        assertThat(lastSeen(hash)).isEqualTo(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    @Test
    void a_session_ends_thirty_days_after_signing_in_however_busy_it_was() throws Exception {
        var person = fixtures.person("long-lived");
        var session = signIn(mvc, person.email(), FIREFOX_ON_ANDROID);
        for (int day = 0; day < 29; day++) {
            clock.advance(Duration.ofDays(1));
            mvc.perform(get("/account").session(session)).andExpect(status().isOk());
        }
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login"));
    }

    private LocalDate lastSeen(String hash) {
        return jdbc.sql("select last_seen_day from account_sessions where session_hash = :hash")
                .param("hash", hash)
                .query(LocalDate.class)
                .single();
    }
}

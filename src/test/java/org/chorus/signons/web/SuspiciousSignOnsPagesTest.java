package org.chorus.signons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.support.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.chorus.organizations.Role;
import org.chorus.signons.SignOnId;
import org.chorus.signons.SignOnOpening;
import org.chorus.signons.SignOnRows;
import org.chorus.signons.SignOnStatus;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.SignedIn;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Organizers see bursts of unconfirmed sign-ons by network and by email domain, and discard one group in one POST
 * after a page that says how many it holds; confirmed sign-ons and older ones stay.
 */
@ChorusWebTest
class SuspiciousSignOnsPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SignOnRows rows;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    boolean exists(SignOnId id) {
        return jdbc.sql("select count(*) from signons where id = :id")
                        .param("id", id.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Test
    void an_editor_sees_the_bursts_by_network_and_domain_and_discards_one_network_then_one_domain() throws Exception {
        var coalition = fixtures.coalition();
        var editor = fixtures.person("editor");
        fixtures.grant(coalition, editor, Role.EDITOR);
        var statement = rows.opened(coalition, Fixtures.unique("Flooded"), SignOnOpening.Choices.defaults());
        var id = statement.id();
        var flood = "a1b2c3d4e5f6" + Fixtures.unique("net");
        var quiet = "0f0f0f0f0f" + Fixtures.unique("net");
        var robot = List.of(
                rows.pending(id, Fixtures.unique("r1") + "@Spam.example", flood, null),
                rows.pending(id, Fixtures.unique("r2") + "@spam.example", flood, null),
                rows.pending(id, Fixtures.unique("r3") + "@spam.example", flood, null));
        var older = rows.pending(
                id,
                Fixtures.unique("old") + "@spam.example",
                flood,
                clock.instant().minus(Duration.ofDays(2)));
        var confirmed = rows.person(id, "Real Person", "FR", SignOnStatus.APPROVED);
        var people = List.of(
                rows.pending(id, Fixtures.unique("p1") + "@mail.example", quiet, null),
                rows.pending(id, Fixtures.unique("p2") + "@mail.example", "lonely" + Fixtures.unique("net"), null));
        var session = SignedIn.session(mvc, editor.email());
        var suspicious = "/s/" + statement.slug() + "/sign-on/suspicious";

        var page = Html.parse(mvc.perform(get(suspicious).session(session))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("#bursts-network ~ table tbody tr").eachText())
                .containsExactly(flood.substring(0, 10) + " 3 "
                        + page.select("#bursts-network ~ table tbody tr td:eq(2)")
                                .first()
                                .text() + " Discard…");
        assertThat(page.select("#bursts-domain ~ table tbody tr td:eq(0)").eachText())
                .containsExactly("spam.example", "mail.example");
        assertThat(page.select("#bursts-domain ~ table tbody tr td:eq(1)").eachText())
                .containsExactly("3", "2");
        var week = Html.parse(mvc.perform(get(suspicious).param("hours", "168").session(session))
                .andReturn());
        assertThat(week.select("#bursts-network ~ table tbody tr td:eq(1)").eachText())
                .containsExactly("4");
        mvc.perform(get(suspicious).param("hours", "5").session(session)).andExpect(status().isBadRequest());

        var discardLink = page.select("#bursts-network ~ table a").attr("href");
        var confirm = Html.parse(mvc.perform(get(discardLink).session(session))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(confirm.select("h1 ~ p").first().text()).contains("3 unconfirmed sign-ons", flood.substring(0, 10));
        assertThat(confirm.select("form[method=post] input[name=key]").val()).isEqualTo(flood);
        mvc.perform(post(suspicious + "/discard")
                        .session(session)
                        .with(csrf())
                        .param("source", "NETWORK")
                        .param("key", flood)
                        .param("hours", "24"))
                .andExpect(redirectedUrl(suspicious + "?hours=24"));
        assertThat(robot).noneMatch(this::exists);
        assertThat(exists(older)).as("older than the window").isTrue();
        assertThat(exists(confirmed)).isTrue();
        assertThat(people).allMatch(this::exists);
        mvc.perform(get(discardLink).session(session)).andExpect(status().isNotFound());

        mvc.perform(post(suspicious + "/discard")
                        .session(session)
                        .with(csrf())
                        .param("source", "DOMAIN")
                        .param("key", "mail.example")
                        .param("hours", "24"))
                .andExpect(redirectedUrl(suspicious + "?hours=24"));
        assertThat(people).noneMatch(this::exists);
        assertThat(exists(older)).isTrue();
        eventually("both discards are in the issuer's activity log")
                .until(() -> jdbc.sql("select string_agg(detail, ',' order by id) from audit_entries"
                                + " where kind = 'signons.DISCARDED' and statement_id = :statement")
                        .param("statement", id.value())
                        .query(String.class)
                        .optional()
                        .map("3/,2/"::equals)
                        .orElse(false));
    }

    @Test
    void a_member_who_does_not_organize_sees_no_bursts_and_discards_nothing() throws Exception {
        var coalition = fixtures.coalition();
        var member = fixtures.person("member");
        fixtures.grant(coalition, member, Role.MEMBER);
        var statement = rows.opened(coalition, Fixtures.unique("Guarded"), SignOnOpening.Choices.defaults());
        var network = Fixtures.unique("net");
        var a = rows.pending(statement.id(), Fixtures.uniqueEmail("a"), network, null);
        rows.pending(statement.id(), Fixtures.uniqueEmail("b"), network, null);
        var session = SignedIn.session(mvc, member.email());
        var suspicious = "/s/" + statement.slug() + "/sign-on/suspicious";
        mvc.perform(get(suspicious).session(session)).andExpect(status().isForbidden());
        mvc.perform(post(suspicious + "/discard")
                        .session(session)
                        .with(csrf())
                        .param("source", "NETWORK")
                        .param("key", network)
                        .param("hours", "24"))
                .andExpect(status().isForbidden());
        assertThat(exists(a)).isTrue();
    }
}

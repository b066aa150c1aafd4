package org.chorus.actions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import org.chorus.actions.ActionFixtures;
import org.chorus.actions.ActionForm;
import org.chorus.actions.HostingActions;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** A campaign's organizers download its actions as CSV with every field; no one else gets a byte of it. */
@ChorusWebTest
class ExportingActionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    HostingActions hosting;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    String csv(String path, MockHttpSession session) throws Exception {
        var response = mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void organizers_export_every_field_the_exact_place_and_the_host_safe_from_formulas() throws Exception {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var slug = actions.campaign(Actor.of(owner), coalition);
        var host = fixtures.person("host");
        var day = LocalDate.now(clock).plusDays(15);
        var risky = new ActionForm(
                "PROTEST",
                "=HYPERLINK(\"https://evil.example\",\"Click\")",
                "Line one,\nline \"two\"",
                "",
                day + "T10:00",
                day + "T12:00",
                "",
                "",
                "The back room",
                "3 Quiet Lane",
                Long.toString(ActionFixtures.PARIS),
                "48.86",
                "2.36",
                true,
                "@ground floor");
        var pending = hosting.register(Actor.of(host), slug, risky);
        var approved = actions.registered(Actor.of(owner), slug, Fixtures.unique("Approved"));
        var session = SignedIn.session(mvc, owner.email());

        var queue = Html.parse(mvc.perform(get("/c/" + slug + "/manage/actions").session(session))
                .andReturn());
        assertThat(queue.select("a[download]").attr("href")).isEqualTo("/c/" + slug + "/manage/actions.csv");

        var file = csv("/c/" + slug + "/manage/actions.csv", session);
        assertThat(file).startsWith("\uFEFFid,url,status,");
        var lines = file.substring(1).split("\r\n(?=[0-9a-f]{8}-|$)");
        assertThat(lines).hasSize(3);
        assertThat(lines[0].split(",")).containsExactlyElementsOf(ExportingActionsController.COLUMNS);
        // waiting actions come first, then approved ones
        assertThat(lines[1])
                .startsWith(pending.id() + ",")
                .contains(
                        ",PENDING,false,false,true,PROTEST,\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Click\"\")\"")
                .contains(",\"Line one,\nline \"\"two\"\"\",")
                .contains(",The back room,3 Quiet Lane,Paris,FR,France,48.86,2.36,true,")
                .contains("," + host.displayName() + "," + host.email() + ",'@ground floor,");
        assertThat(lines[2]).startsWith(approved.id() + ",").contains(",APPROVED,");

        var onlyApproved = csv("/c/" + slug + "/manage/actions.csv?status=approved", session);
        assertThat(onlyApproved)
                .contains(approved.id().toString())
                .doesNotContain(pending.id().toString());
        var newHosts = csv("/c/" + slug + "/manage/actions.csv?newHosts=true&country=FR", session);
        assertThat(newHosts).contains(pending.id().toString());
        assertThat(Arrays.stream(csv("/c/" + slug + "/manage/actions.csv?country=CA", session)
                        .split("\r\n")))
                .hasSize(1);
        mvc.perform(get("/c/" + slug + "/manage/actions.csv?status=lost").session(session))
                .andExpect(status().isBadRequest());
    }

    @Autowired
    org.chorus.actions.HostingByEmail byEmail;

    @Test
    void a_host_without_an_account_is_exported_with_the_name_and_email_they_gave() throws Exception {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var slug = actions.campaign(Actor.of(owner), coalition);
        var email = Fixtures.uniqueEmail("host");
        var title = Fixtures.unique("By email");
        byEmail.confirm(ActionFixtures.token(actions.confirmationPath(slug, title, email)));

        var file = csv("/c/" + slug + "/manage/actions.csv", SignedIn.session(mvc, owner.email()));

        assertThat(file).contains("," + title + ",").contains(",Nour Haddad," + email + ",");
    }

    @Test
    void a_campaign_larger_than_a_batch_is_exported_whole_each_action_once() throws Exception {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var slug = actions.campaign(Actor.of(owner), coalition);
        var first = actions.registered(Actor.of(owner), slug, Fixtures.unique("Copied"));
        // 2,400 more at the same day, country and start, so only their ids tell the batches' keyset apart
        jdbc.sql("""
                        insert into actions
                        select (jsonb_populate_record(null::actions,
                                    to_jsonb(a) || jsonb_build_object('id', gen_random_uuid(),
                                        'status', case when g % 2 = 0 then 'APPROVED' else 'PENDING' end))).*
                        from actions a, generate_series(1, 2400) g where a.id = :id
                        """).param("id", first.id().value()).update();

        var rows = csv("/c/" + slug + "/manage/actions.csv", SignedIn.session(mvc, owner.email()))
                .lines()
                .skip(1)
                .map(line -> line.substring(0, 36))
                .toList();
        assertThat(rows).hasSize(2401).doesNotHaveDuplicates();
    }

    @Test
    void hosts_and_other_members_are_refused_before_the_first_byte() throws Exception {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var slug = actions.campaign(Actor.of(owner), coalition);
        var member = fixtures.person("member");
        fixtures.grant(coalition, member, Role.MEMBER);
        actions.registered(Actor.of(member), slug, Fixtures.unique("Mine"));

        var refused = mvc.perform(
                        get("/c/" + slug + "/manage/actions.csv").session(SignedIn.session(mvc, member.email())))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse();
        assertThat(refused.getHeader("Content-Disposition")).isNull();
        assertThat(refused.getContentAsString()).doesNotContain("Mine");
        mvc.perform(get("/c/" + slug + "/manage/actions.csv")).andExpect(status().is3xxRedirection());
    }
}

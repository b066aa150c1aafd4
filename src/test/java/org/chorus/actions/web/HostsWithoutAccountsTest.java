package org.chorus.actions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.chorus.accounts.ChorusUser;
import org.chorus.actions.ActionFixtures;
import org.chorus.actions.ActionForm;
import org.chorus.actions.HostFormStamps;
import org.chorus.actions.HostRetention;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestClock;
import org.chorus.support.TestMail;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A visitor without an account hosts an action by confirming an email address: nothing is an action until the button
 * of the confirmation page is pressed; then it waits for the organizers like any untrusted host's, and the host
 * manages it through a private link.
 */
@ChorusWebTest
class HostsWithoutAccountsTest {

    private static final AtomicInteger NETWORKS = new AtomicInteger(10);

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    HostRetention retention;

    @Autowired
    HostFormStamps stamps;

    @Autowired
    ReadingCampaigns campaigns;

    String slug;
    ChorusUser owner;

    @BeforeEach
    void a_published_campaign() {
        var coalition = fixtures.coalition();
        owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        slug = actions.campaign(Actor.of(owner), coalition);
    }

    /** The stamp of the cached form page, as a visitor sends it a few seconds after the page came. */
    String stampFilledIn() throws Exception {
        var page = mvc.perform(get("/c/" + slug + "/actions/host"))
                .andExpect(status().isOk())
                .andReturn();
        var stamp = Html.first(page.getResponse().getContentAsString(), "form input[name=stamp]")
                .val();
        clock.advance(Duration.ofSeconds(4));
        return stamp;
    }

    /** The form as a visitor from a network of their own sends it, from this site's page. */
    MockHttpServletRequestBuilder hostByEmail(ActionForm form, String email, String stamp, String honeypot) {
        return hostByEmail(form, email, stamp, honeypot, "http://localhost", "same-origin");
    }

    MockHttpServletRequestBuilder hostByEmail(
            ActionForm form, String email, String stamp, String honeypot, String origin, String fetchSite) {
        int n = NETWORKS.incrementAndGet();
        var network = "10." + (n / 250 % 250) + "." + (n % 250) + ".7";
        return post("/c/" + slug + "/actions/host")
                .with(r -> {
                    r.setRemoteAddr(network);
                    return r;
                })
                .header("Origin", origin)
                .header("Sec-Fetch-Site", fetchSite)
                .param("stamp", stamp)
                .param("homepage", honeypot)
                .param("hostName", "Nour Haddad")
                .param("hostEmail", email)
                .param("kind", form.kind())
                .param("title", form.title())
                .param("description", form.description())
                .param("startsAt", form.startsAt())
                .param("endsAt", form.endsAt())
                .param("venue", form.venue())
                .param("city", form.city());
    }

    String submitted(String title, String email) throws Exception {
        mvc.perform(hostByEmail(actions.form(title), email, stampFilledIn(), ""))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/c/" + slug + "/actions/host/sent"))
                .andExpect(header().doesNotExist("Set-Cookie"));
        return ReceivedMail.linkPath(TestMail.await(email, 1).getFirst(), "/actions/confirm/");
    }

    /** The one value a query gives for one parameter. */
    <T> T one(String sql, Object value, Class<T> type) {
        return jdbc.sql(sql).param("p", value).query(type).single();
    }

    int waitingForms(String title) {
        return one("select count(*) from action_submissions where form ->> 'title' = :p", title, Integer.class);
    }

    int actionsTitled(String title) {
        return one("select count(*) from actions where title = :p", title, Integer.class);
    }

    String idOf(String title) {
        return one("select id::text from actions where title = :p", title, String.class);
    }

    @Test
    void the_form_page_is_kept_by_the_page_cache_with_a_stamp_and_no_session() throws Exception {
        var page = mvc.perform(get("/c/" + slug + "/actions/host"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(header().string("Cache-Control", Matchers.containsString("public")))
                .andReturn();
        var html = Html.parse(page);
        assertThat(html.select("form[action=/c/" + slug + "/actions/host] input[name=stamp]")
                        .attr("value"))
                .isNotBlank();
        assertThat(html.select("input[name=_csrf]")).isEmpty();
        assertThat(html.select("input[name=hostEmail]")).hasSize(1);

        var twoWays = Html.parse(mvc.perform(get("/c/" + slug + "/actions/new"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(twoWays.select("a[href]").eachAttr("href"))
                .contains("/c/" + slug + "/actions/new/sign-in", "/c/" + slug + "/actions/host");
        mvc.perform(get("/c/" + slug + "/actions/new/sign-in"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.containsString("/login")));
        mvc.perform(get("/c/" + slug + "/actions/new/sign-in").with(user(owner)))
                .andExpect(redirectedUrl("/c/" + slug + "/actions/new"));
    }

    @Test
    void a_visitor_confirms_their_address_by_a_button_and_the_action_then_waits_for_the_organizers() throws Exception {
        var title = Fixtures.unique("Vigil");
        var email = Fixtures.uniqueEmail("host");
        var confirm = submitted(title, email);
        assertThat(actionsTitled(title))
                .as("nothing is an action before the address is confirmed")
                .isZero();

        var button = mvc.perform(get(confirm)).andExpect(status().isOk()).andReturn();
        assertThat(Html.parse(button).select("form[method=post] button")).hasSize(1);
        assertThat(actionsTitled(title)).as("opening the link confirms nothing").isZero();

        var confirmed = mvc.perform(post(confirm).with(csrf()))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(Html.parse(confirmed).select("h1").text()).isEqualTo("Your action is registered");
        assertThat(one("select status || ':' || (host_id is null) from actions where title = :p", title, String.class))
                .isEqualTo("PENDING:true");
        mvc.perform(post(confirm).with(csrf())).andExpect(status().isNotFound());
        var id = idOf(title);
        mvc.perform(get("/actions/" + id)).andExpect(status().isNotFound());

        var organizersView = Html.parse(mvc.perform(get("/actions/" + id).with(user(owner)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(organizersView.select("dd").text()).contains("Nour Haddad", email);
        var queue = Html.parse(mvc.perform(get("/c/" + slug + "/manage/actions").with(user(owner)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(queue.select("tbody tr").text()).contains(title, "Nour Haddad", "No account");

        var manage = ReceivedMail.linkPath(TestMail.await(email, 2).get(1), "/actions/manage/");
        var managePage = Html.parse(mvc.perform(get(manage))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andReturn());
        assertThat(managePage.select("input[name=title]").val()).isEqualTo(title);

        mvc.perform(post("/c/" + slug + "/manage/actions/approve")
                        .with(user(owner))
                        .with(csrf())
                        .param("action", id))
                .andExpect(status().is3xxRedirection());
        var publicView = Html.parse(
                mvc.perform(get("/actions/" + id)).andExpect(status().isOk()).andReturn());
        assertThat(publicView.text()).doesNotContain("Nour Haddad", email);
        var list = Html.parse(mvc.perform(get("/c/" + slug + "/actions"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(list.text()).contains(title).doesNotContain(email);

        mvc.perform(post(manage.replaceFirst("\\?.*$", "") + "/cancel").with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(one("select cancelled from actions where id = cast(:p as uuid)", id, Boolean.class))
                .isTrue();
        mvc.perform(get("/actions/manage/not-a-token")).andExpect(status().isNotFound());
    }

    @Test
    void an_edit_through_the_manage_link_goes_back_to_the_organizers_and_a_rejection_reaches_the_host_by_mail()
            throws Exception {
        var title = Fixtures.unique("Teach-in");
        var email = Fixtures.uniqueEmail("host");
        mvc.perform(post(submitted(title, email)).with(csrf())).andExpect(status().isOk());
        var id = idOf(title);
        var manage = ReceivedMail.linkPath(TestMail.await(email, 2).get(1), "/actions/manage/")
                .replaceFirst("\\?.*$", "");
        var form = actions.form(title + " (moved)");
        mvc.perform(post(manage)
                        .with(csrf())
                        .param("kind", form.kind())
                        .param("title", form.title())
                        .param("startsAt", form.startsAt())
                        .param("endsAt", form.endsAt())
                        .param("city", form.city())
                        .param("organization", "some-organization"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post(manage)
                        .with(csrf())
                        .param("kind", form.kind())
                        .param("title", form.title())
                        .param("startsAt", form.startsAt())
                        .param("endsAt", form.endsAt())
                        .param("city", form.city()))
                .andExpect(status().is3xxRedirection());
        assertThat(actionsTitled(title + " (moved)")).isEqualTo(1);

        mvc.perform(post("/actions/" + id + "/reject")
                        .with(user(owner))
                        .with(csrf())
                        .param("reason", "Please give the venue."))
                .andExpect(status().is3xxRedirection());
        var rejection = TestMail.await(email, 3).get(2);
        assertThat(ReceivedMail.text(rejection)).contains("Please give the venue.");
        var fresh = ReceivedMail.linkPath(rejection, "/actions/manage/");
        mvc.perform(get(fresh)).andExpect(status().isOk());
        // the rejection's letter replaces the earlier link
        mvc.perform(get(manage)).andExpect(status().isNotFound());
    }

    @Test
    void forms_from_another_site_robots_and_hurried_senders_store_nothing() throws Exception {
        var title = Fixtures.unique("Robot");
        var email = Fixtures.uniqueEmail("robot");
        mvc.perform(hostByEmail(
                        actions.form(title), email, stampFilledIn(), "", "https://elsewhere.example", "cross-site"))
                .andExpect(status().isForbidden());
        mvc.perform(hostByEmail(actions.form(title), email, stampFilledIn(), "https://spam.example"))
                .andExpect(status().isSeeOther());
        var hurried = stamps.issue(campaigns.published(slug, null).orElseThrow().id());
        var refused = Html.parse(mvc.perform(hostByEmail(actions.form(title), email, hurried, ""))
                .andExpect(status().isUnprocessableEntity())
                .andReturn());
        assertThat(refused.select("#form-error").text()).contains("very fast");
        mvc.perform(hostByEmail(actions.form(title), email, "forged.1.abc", ""))
                .andExpect(status().isUnprocessableEntity());
        assertThat(waitingForms(title)).isZero();
        assertThat(TestMail.everDeliveredTo(email)).isFalse();
    }

    @Test
    void an_unconfirmed_form_expires_and_is_deleted_and_a_hosts_contact_goes_after_the_campaign() throws Exception {
        var title = Fixtures.unique("Late");
        var email = Fixtures.uniqueEmail("late");
        var confirm = submitted(title, email);
        clock.advance(Duration.ofHours(49));
        mvc.perform(post(confirm).with(csrf())).andExpect(status().isGone());
        assertThat(actionsTitled(title)).isZero();

        var kept = Fixtures.unique("Kept");
        var keptEmail = Fixtures.uniqueEmail("kept");
        submitted(kept, keptEmail);
        clock.advance(Duration.ofHours(49));
        retention.deleteExpired();
        assertThat(waitingForms(kept)).isZero();

        var held = Fixtures.unique("Held");
        var heldEmail = Fixtures.uniqueEmail("held");
        mvc.perform(post(submitted(held, heldEmail)).with(csrf())).andExpect(status().isOk());
        var id = idOf(held);
        assertThat(one(
                        "select forget_at > now() + interval '50 days' from action_hosts where action_id = cast(:p as uuid)",
                        id,
                        Boolean.class))
                .as("kept until 30 days after the campaign's end")
                .isTrue();
        jdbc.sql("update action_hosts set forget_at = now() - interval '1 minute' where action_id = cast(:id as uuid)")
                .param("id", id)
                .update();
        retention.deleteExpired();
        assertThat(one("select count(*) from action_hosts where action_id = cast(:p as uuid)", id, Integer.class))
                .isZero();
        assertThat(actionsTitled(held)).as("the action stays").isEqualTo(1);
    }
}

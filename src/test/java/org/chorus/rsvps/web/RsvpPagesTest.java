package org.chorus.rsvps.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.chorus.accounts.ChorusUser;
import org.chorus.actions.Action;
import org.chorus.actions.ActionFixtures;
import org.chorus.actions.HostingActions;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.rsvps.CountingRsvps;
import org.chorus.rsvps.ManagingRsvps;
import org.chorus.rsvps.RsvpFixtures;
import org.chorus.rsvps.RsvpRetention;
import org.chorus.rsvps.RsvpSettings;
import org.chorus.rsvps.Rsvping;
import org.chorus.support.AtOnce;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.QueryCounter;
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
 * People RSVP to an action from its page: guests confirm an address by a button, signed-in people in one click; the
 * public sees a count only; a full action keeps a waitlist that a cancellation promotes; the host and the campaign's
 * organizers see, export and message the attendees; the exact place reaches only the RSVPs.
 */
@ChorusWebTest
class RsvpPagesTest {

    private static final AtomicInteger NETWORKS = new AtomicInteger(10);
    private static final String VENUE = "Place de la République";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    RsvpFixtures rsvps;

    @Autowired
    HostingActions hosting;

    @Autowired
    CountingRsvps counting;

    @Autowired
    RsvpRetention retention;

    @Autowired
    Rsvping rsvping;

    @Autowired
    ManagingRsvps managing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.chorus.shared.web.PublicPageCache cache;

    @Autowired
    TestClock clock;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    org.chorus.rsvps.RsvpLimits limits;

    Organization coalition;
    ChorusUser owner;
    String slug;

    @BeforeEach
    void a_published_campaign() {
        coalition = fixtures.coalition();
        owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        slug = actions.campaign(Actor.of(owner), coalition);
    }

    /** An approved action of the organizer's, shown publicly only by its city when {@code approximate}. */
    Action action(String title, boolean approximate) {
        var form = actions.form(title);
        return hosting.register(
                Actor.of(owner),
                slug,
                ActionFixtures.approximate(form, approximate, form.address(), form.revealHours()));
    }

    /** The guest's form as a visitor from a network of their own sends it from this site's page. */
    MockHttpServletRequestBuilder rsvp(Action action, String email, String stamp, String honeypot) {
        return rsvp(action, email, stamp, honeypot, "http://localhost", "same-origin");
    }

    MockHttpServletRequestBuilder rsvp(
            Action action, String email, String stamp, String honeypot, String origin, String fetchSite) {
        int n = NETWORKS.incrementAndGet();
        return post("/actions/" + action.id() + "/rsvp")
                .with(r -> {
                    r.setRemoteAddr("10." + (n / 250 % 250) + "." + (n % 250) + ".8");
                    return r;
                })
                .header("Origin", origin)
                .header("Sec-Fetch-Site", fetchSite)
                .param("stamp", stamp)
                .param("homepage", honeypot)
                .param("name", "Nour Haddad")
                .param("email", email)
                .param("guests", "1");
    }

    String stampFilledIn(Action action) throws Exception {
        var page = mvc.perform(get("/actions/" + action.id()))
                .andExpect(status().isOk())
                .andReturn();
        var stamp = Html.first(page.getResponse().getContentAsString(), "form.rsvp-form input[name=stamp]")
                .val();
        clock.advance(Duration.ofSeconds(4));
        return stamp;
    }

    int rows(String sql, Object id) {
        return jdbc.sql(sql).param("p", id).query(Integer.class).single();
    }

    String publicPage(Action action) throws Exception {
        return mvc.perform(get("/actions/" + action.id()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void a_guest_rsvps_from_the_cached_page_confirms_by_a_button_and_is_counted_by_the_job() throws Exception {
        var action = action(Fixtures.unique("March"), false);
        var page = mvc.perform(get("/actions/" + action.id()))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(header().string("Cache-Control", Matchers.containsString("public")))
                .andReturn();
        var html = Html.parse(page);
        assertThat(html.select("form[action=/actions/" + action.id() + "/rsvp] input[name=stamp]")
                        .attr("value"))
                .isNotBlank();
        assertThat(html.select("form.rsvp-form input[name=_csrf]")).isEmpty();
        assertThat(html.select(".rsvp-count")).as("no count before anyone goes").isEmpty();

        var email = Fixtures.uniqueEmail("guest");
        mvc.perform(rsvp(action, email, "", "")).andExpect(status().isUnprocessableEntity());
        mvc.perform(rsvp(action, email, stampFilledIn(action), "", "https://evil.example", "cross-site"))
                .andExpect(status().isForbidden());
        var robot = Fixtures.uniqueEmail("robot");
        mvc.perform(rsvp(action, robot, stampFilledIn(action), "http://spam.example"))
                .andExpect(status().isSeeOther());
        assertThat(rows(
                        "select count(*) from rsvps where action_id = cast(:p as uuid)",
                        action.id().toString()))
                .as("the honeypot stores nothing")
                .isZero();

        mvc.perform(rsvp(action, email, stampFilledIn(action), ""))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/actions/" + action.id() + "/rsvp/sent"))
                .andExpect(header().doesNotExist("Set-Cookie"));
        var confirm = ReceivedMail.linkPath(TestMail.awaitOne(email), "/rsvps/confirm/");
        mvc.perform(get(confirm)).andExpect(status().isOk()).andExpect(Html.has("form[method=post] button"));
        assertThat(rows(
                        "select count(*) from rsvps where action_id = cast(:p as uuid) and status = 'UNCONFIRMED'",
                        action.id().toString()))
                .as("opening the link confirms nothing")
                .isEqualTo(1);

        var confirmed = Html.parse(mvc.perform(post(confirm).with(csrf()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(confirmed.select("h1").text()).isEqualTo("You are going");
        mvc.perform(post(confirm).with(csrf())).andExpect(status().isNotFound());
        var going = TestMail.await(email, 2).get(1);
        assertThat(ReceivedMail.text(going)).contains(VENUE).contains("/rsvps/");

        assertThat(Html.parse(publicPage(action)).select(".rsvp-count"))
                .as("the count waits for the job")
                .isEmpty();
        assertThat(counting.recount()).contains(action.id());
        assertThat(counting.recount())
                .as("a recount with nothing new changes nothing")
                .doesNotContain(action.id());
        var counted = Html.parse(publicPage(action));
        assertThat(counted.select(".rsvp-count").text()).isEqualTo("2 going");
        assertThat(counted.text()).doesNotContain("Nour Haddad").doesNotContain(email);
    }

    @Test
    void the_exact_place_of_an_approximate_action_reaches_only_the_rsvp_by_mail_and_on_its_own_page() throws Exception {
        var action = action(Fixtures.unique("Discreet vigil"), true);
        assertThat(publicPage(action)).doesNotContain(VENUE);
        var email = Fixtures.uniqueEmail("guest");
        var own = rsvps.confirmed(action.id(), "Ana", email, 0);
        assertThat(ReceivedMail.text(TestMail.await(email, 2).get(1))).contains(VENUE);
        var ownPage = Html.parse(mvc.perform(get(own))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andReturn());
        assertThat(ownPage.select(".rsvp-place").text()).contains(VENUE);
        assertThat(publicPage(action)).doesNotContain(VENUE);
        mvc.perform(get(own.substring(0, own.lastIndexOf('/')) + "/not-the-signature"))
                .andExpect(status().isNotFound());
    }

    @Test
    void a_full_action_waitlists_and_a_cancellation_promotes_the_earliest_party_that_fits() throws Exception {
        var action = action(Fixtures.unique("Small room"), false);
        mvc.perform(post("/actions/" + action.id() + "/rsvps/settings")
                        .with(user(owner))
                        .with(csrf())
                        .param("capacity", "4")
                        .param("questions", "Any dietary needs?", "", "")
                        .param("instructions", "Ring the bell twice."))
                .andExpect(redirectedUrl("/actions/" + action.id() + "/rsvps"));

        var first = Fixtures.uniqueEmail("first");
        var firstOwn = rsvps.confirmed(action.id(), "First", first, 1);
        assertThat(ReceivedMail.text(TestMail.await(first, 2).get(1))).contains("Ring the bell twice.");
        var big = Fixtures.uniqueEmail("big");
        rsvps.confirmed(action.id(), "Big party", big, 2);
        var small = Fixtures.uniqueEmail("small");
        rsvps.confirmed(action.id(), "Small party", small, 0);
        assertThat(TestMail.await(big, 2).get(1).getSubject()).startsWith("On the waitlist");
        assertThat(TestMail.await(small, 2).get(1).getSubject()).startsWith("You are going");

        mvc.perform(post(firstOwn + "/cancel").with(csrf())).andExpect(redirectedUrl(firstOwn));
        mvc.perform(post(firstOwn + "/cancel").with(csrf())).andExpect(redirectedUrl(firstOwn));
        var promoted = TestMail.await(big, 3).get(2);
        assertThat(promoted.getSubject()).startsWith("A place for you");
        assertThat(ReceivedMail.text(promoted)).contains(VENUE, "Ring the bell twice.");
        assertThat(jdbc.sql("select string_agg(status, ',' order by created_at) from rsvps where action_id = :a")
                        .param("a", action.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("CANCELLED,GOING,GOING");
        assertThat(Html.parse(mvc.perform(get(firstOwn)).andReturn())
                        .select(".notice")
                        .text())
                .contains("Cancelled");

        counting.recount();
        assertThat(Html.parse(publicPage(action)).select(".rsvp-count").text()).isEqualTo("4 going");
    }

    @Test
    void people_confirming_the_last_place_at_once_get_it_one_only() throws Exception {
        var action = action(Fixtures.unique("One seat"), false);
        managing.change(Actor.of(owner), action.id(), new RsvpSettings(1, java.util.List.of(), ""));
        var tokens = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        for (int i = 0; i < 4; i++) {
            tokens.add(RsvpFixtures.token(
                    rsvps.confirmationPath(action.id(), "Racer " + i, Fixtures.uniqueEmail("racer"), 0)));
        }
        var outcomes = AtOnce.all(4, () -> rsvping.confirm(tokens.poll()).outcome());
        assertThat(outcomes)
                .containsExactlyInAnyOrder(
                        Rsvping.Outcome.GOING,
                        Rsvping.Outcome.WAITLISTED,
                        Rsvping.Outcome.WAITLISTED,
                        Rsvping.Outcome.WAITLISTED);
    }

    @Test
    void the_same_address_sent_from_three_forms_at_once_makes_one_rsvp_and_no_error() throws Exception {
        var action = action(Fixtures.unique("Double click"), false);
        var email = Fixtures.uniqueEmail("double");
        var stamps = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        for (int i = 0; i < 3; i++) {
            stamps.add(limits.stamp(action.id()));
        }
        clock.advance(java.time.Duration.ofSeconds(4));
        var outcomes = AtOnce.all(3, () -> {
            rsvping.submit(
                    action.id(),
                    "Quick fingers",
                    email,
                    new Rsvping.Answers("0", java.util.List.of()),
                    new Rsvping.Signals("", stamps.poll(), "198.51.100.77"),
                    org.chorus.shared.i18n.Language.ENGLISH);
            return "answered";
        });
        assertThat(outcomes).containsExactly("answered", "answered", "answered");
        assertThat(jdbc.sql("select count(*) from rsvps where action_id = :a")
                        .param("a", action.id().value())
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void a_signed_in_person_rsvps_in_one_click_and_sees_their_rsvp_on_the_page() throws Exception {
        var action = action(Fixtures.unique("Teach-in"), false);
        var person = fixtures.person("attendee");
        mvc.perform(post("/actions/" + action.id() + "/rsvp/me")
                        .with(user(person))
                        .with(csrf())
                        .param("guests", "0"))
                .andExpect(redirectedUrl("/actions/" + action.id() + "#rsvp"));
        var page = Html.parse(
                mvc.perform(get("/actions/" + action.id()).with(user(person)).cookie(new Cookie("chorus_session", "x")))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(page.select("#rsvp .notice").text()).isEqualTo("You are going.");
        assertThat(page.select("#rsvp a[href^=/rsvps/]")).hasSize(1);
        mvc.perform(post("/actions/" + action.id() + "/rsvp/me")
                        .with(user(person))
                        .with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post("/actions/" + action.id() + "/rsvp/me")).andExpect(status().isForbidden());
    }

    @Test
    void attendees_are_for_the_host_and_organizers_and_their_export_is_formula_safe() throws Exception {
        var action = action(Fixtures.unique("Rally"), false);
        rsvps.confirmed(action.id(), "=HYPERLINK(\"http://evil.example\")", Fixtures.uniqueEmail("sly"), 0);
        var editor = fixtures.person("editor");
        fixtures.grant(coalition, editor, Role.EDITOR);
        var stranger = fixtures.person("stranger");

        var page =
                Html.parse(mvc.perform(get("/actions/" + action.id() + "/rsvps").with(user(editor)))
                        .andExpect(status().isOk())
                        .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                        .andReturn());
        assertThat(page.select("table.rsvp-attendees tbody tr")).hasSize(1);
        assertThat(page.select("table.rsvp-attendees").text()).contains("=HYPERLINK");
        mvc.perform(get("/actions/" + action.id() + "/rsvps").with(user(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/actions/" + action.id() + "/rsvps.csv").with(user(stranger)))
                .andExpect(status().isNotFound());

        var csv = mvc.perform(get("/actions/" + action.id() + "/rsvps.csv").with(user(owner)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith("text/csv")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).contains("GOING,\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
    }

    @Test
    void a_host_without_an_account_reaches_attendees_settings_and_export_from_the_manage_link() throws Exception {
        var title = Fixtures.unique("Street stall");
        var token = actions.manageToken(slug, title);
        var id = jdbc.sql("select id from actions where title = :t")
                .param("t", title)
                .query(java.util.UUID.class)
                .single();
        context.getBean(org.chorus.actions.ModeratingActions.class)
                .approve(Actor.of(owner), slug, java.util.List.of(new org.chorus.actions.ActionId(id)));
        var guest = Fixtures.uniqueEmail("guest");
        rsvps.confirmed(new org.chorus.actions.ActionId(id), "Amina", guest, 1);
        var manage = "/actions/manage/" + token;

        var managePage =
                Html.parse(mvc.perform(get(manage)).andExpect(status().isOk()).andReturn());
        assertThat(managePage.select("a[href=" + manage + "/rsvps]").text()).isEqualTo("Attendees and RSVP settings");
        var attendees = Html.parse(mvc.perform(get(manage + "/rsvps"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andReturn());
        assertThat(attendees.select("table.rsvp-attendees tbody tr").text()).contains("Amina", guest);
        assertThat(attendees.select("form[action=" + manage + "/rsvps/settings]"))
                .isNotEmpty();
        assertThat(attendees.select("a[href=" + manage + "]"))
                .as("back to the manage page")
                .isNotEmpty();

        mvc.perform(post(manage + "/rsvps/settings")
                        .with(csrf())
                        .param("capacity", "12")
                        .param("instructions", "Look for the green umbrella."))
                .andExpect(redirectedUrl(manage + "/rsvps"));
        assertThat(Html.parse(mvc.perform(get(manage + "/rsvps")).andReturn())
                        .select("input[name=capacity]")
                        .val())
                .isEqualTo("12");
        assertThat(mvc.perform(get(manage + "/rsvps.csv"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Amina", guest);
        mvc.perform(get("/actions/manage/not-a-token/rsvps")).andExpect(status().isNotFound());
        mvc.perform(get("/actions/manage/not-a-token/rsvps.csv")).andExpect(status().isNotFound());
        mvc.perform(post("/actions/manage/not-a-token/rsvps/message")
                        .with(csrf())
                        .param("subject", "Hi")
                        .param("text", "Hello"))
                .andExpect(status().isNotFound());
    }

    @Test
    void the_host_messages_attendees_three_times_a_day_and_an_unsubscribed_rsvp_gets_none() throws Exception {
        var action = action(Fixtures.unique("Picnic"), false);
        var staying = Fixtures.uniqueEmail("staying");
        rsvps.confirmed(action.id(), "Staying", staying, 0);
        var leaving = Fixtures.uniqueEmail("leaving");
        var leavingOwn = rsvps.confirmed(action.id(), "Leaving", leaving, 0);

        mvc.perform(post(leavingOwn + "/unsubscribe").param("List-Unsubscribe", "One-Click"))
                .andExpect(status().isOk());
        for (int i = 1; i <= 3; i++) {
            mvc.perform(post("/actions/" + action.id() + "/rsvps/message")
                            .with(user(owner))
                            .with(csrf())
                            .param("subject", "Bring water " + i)
                            .param("text", "It will be hot."))
                    .andExpect(redirectedUrl("/actions/" + action.id() + "/rsvps"));
        }
        mvc.perform(post("/actions/" + action.id() + "/rsvps/message")
                        .with(user(owner))
                        .with(csrf())
                        .param("subject", "One more")
                        .param("text", "Too many."))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));

        var messages = TestMail.await(staying, 5).stream()
                .filter(m -> subject(m).startsWith("Bring water"))
                .toList();
        assertThat(messages)
                .extracting(RsvpPagesTest::subject)
                .containsExactlyInAnyOrder("Bring water 1", "Bring water 2", "Bring water 3");
        assertThat(messages.getFirst().getHeader("List-Unsubscribe")).isNotNull();
        assertThat(TestMail.to(leaving)).as("confirmation and going only").hasSize(2);
    }

    @Test
    void the_attendees_page_runs_as_many_queries_for_one_rsvp_as_for_many() throws Exception {
        var one = action(Fixtures.unique("Quiet"), false);
        rsvps.confirmed(one.id(), "Alone", Fixtures.uniqueEmail("alone"), 0);
        var many = action(Fixtures.unique("Crowded"), false);
        for (int i = 0; i < 5; i++) {
            rsvps.confirmed(many.id(), "Someone " + i, Fixtures.uniqueEmail("crowd"), i % 3);
        }
        assertThat(attendeesQueries(many)).as(QueryCounter::statements).isEqualTo(attendeesQueries(one));
        counting.recount();
        assertThat(QueryCounter.rendering(mvc, cache, "/actions/" + many.id()))
                .isEqualTo(QueryCounter.rendering(mvc, cache, "/actions/" + one.id()));
    }

    int attendeesQueries(Action action) throws Exception {
        var path = "/actions/" + action.id() + "/rsvps";
        mvc.perform(get(path).with(user(owner))).andExpect(status().isOk());
        QueryCounter.reset();
        mvc.perform(get(path).with(user(owner))).andExpect(status().isOk());
        return QueryCounter.count();
    }

    @Test
    void retention_forgets_who_went_keeps_the_count_and_drops_unconfirmed_rsvps() throws Exception {
        var action = action(Fixtures.unique("Cleanup"), false);
        rsvps.confirmed(action.id(), "Forgotten", Fixtures.uniqueEmail("gone"), 2);
        rsvps.confirmationPath(action.id(), "Never confirmed", Fixtures.uniqueEmail("never"), 0);
        counting.recount();
        jdbc.sql("""
                        update rsvps set forget_at = now() - interval '1 day',
                            expires_at = case when status = 'UNCONFIRMED' then now() - interval '1 day' end
                        where action_id = :a""").param("a", action.id().value()).update();

        assertThat(retention.deleteExpired()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("""
                        select count(*) || ':' || count(contact) || ':' || count(email_index) || ':' || sum(guests)
                        from rsvps where action_id = :a""")
                        .param("a", action.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("1:0:0:2");
        counting.recount();
        assertThat(Html.parse(publicPage(action)).select(".rsvp-count").text()).isEqualTo("3 going");
        var page =
                Html.parse(mvc.perform(get("/actions/" + action.id() + "/rsvps").with(user(owner)))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(page.select("table.rsvp-attendees").text()).contains("Deleted after the action");
    }

    static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

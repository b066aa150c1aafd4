package org.chorus.actions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import org.chorus.accounts.ChorusUser;
import org.chorus.actions.ActionFixtures;
import org.chorus.actions.ActionForm;
import org.chorus.actions.HostingActions;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Co-sponsoring organizations shown on an action's page, an approximate place revealed to everyone some hours before
 * the start (never kept by the page cache past that moment), and the reader's own time beside the action's.
 */
@ChorusWebTest
class CosponsorsAndRevealTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    HostingActions hosting;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    String slug;
    ChorusUser owner;

    @BeforeEach
    void a_published_campaign() {
        var coalition = fixtures.coalition();
        owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        slug = actions.campaign(Actor.of(owner), coalition);
    }

    /** A protest in Paris, its pin moved, {@code days} days from today at 10:00, with these extra fields. */
    ActionForm form(String title, int days, boolean approximate, String cosponsors, String revealHours) {
        var day = LocalDate.now(clock).plusDays(days);
        return new ActionForm(
                "PROTEST",
                title,
                "",
                "",
                day + "T10:00",
                day + "T12:00",
                "",
                "",
                "Secret basement",
                "12 Hidden Lane",
                Long.toString(ActionFixtures.PARIS),
                "48.8708",
                "2.3050",
                approximate,
                "",
                cosponsors,
                revealHours);
    }

    /** The error next to the co-sponsors field when the form is sent with these, after a 422. */
    String cosponsorsRefused(ActionForm form, String cosponsors) throws Exception {
        return Html.parse(mvc.perform(post("/c/" + slug + "/actions/new")
                                .with(user(owner))
                                .with(csrf())
                                .param("kind", form.kind())
                                .param("title", form.title())
                                .param("startsAt", form.startsAt())
                                .param("endsAt", form.endsAt())
                                .param("city", form.city())
                                .param("cosponsors", cosponsors))
                        .andExpect(status().isUnprocessableEntity())
                        .andReturn())
                .select("#cosponsors-error")
                .text();
    }

    @Test
    void a_host_names_co_sponsoring_organizations_shown_linked_in_their_order_and_unknown_ones_are_refused()
            throws Exception {
        var first = fixtures.coalition();
        var second = fixtures.coalition();
        var title = Fixtures.unique("Together");
        var action = hosting.register(
                Actor.of(owner),
                slug,
                form(title, 15, false, "/o/" + second.slug() + "\n" + first.slug() + ", " + second.slug(), ""));
        var page = Html.parse(mvc.perform(get("/actions/" + action.id()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("dd a[href^=/o/]").eachAttr("href"))
                .containsExactly("/o/" + second.slug(), "/o/" + first.slug());
        assertThat(hosting.form(Actor.of(owner), action.id()).cosponsors())
                .isEqualTo(second.slug() + "\n" + first.slug());

        var refused = form(Fixtures.unique("Nobody"), 15, false, "no-such-organization-" + title, "");
        assertThat(cosponsorsRefused(refused, refused.cosponsors())).contains("no active organization");
        var many = String.join(
                "\n",
                java.util.Collections.nCopies(11, "x").stream()
                        .map(x -> Fixtures.unique("o"))
                        .toList());
        assertThat(cosponsorsRefused(refused, many)).contains("At most 10");
        assertThat(jdbc.sql("select count(*) from actions where title = :t")
                        .param("t", refused.title())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void the_exact_place_is_public_from_the_reveal_on_and_a_page_hiding_it_is_never_kept_by_the_cache()
            throws Exception {
        var organizer = Actor.of(owner);
        // three days away, revealed a week before: already public
        var revealed = hosting.register(organizer, slug, form(Fixtures.unique("Revealed"), 3, true, "", "168"));
        // fifteen days away, revealed an hour before: hidden for now
        var ahead = hosting.register(organizer, slug, form(Fixtures.unique("Ahead"), 15, true, "", "1"));

        var open = mvc.perform(get("/actions/" + revealed.id()))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andReturn();
        assertThat(Html.parse(open).text()).contains("Secret basement", "12 Hidden Lane");
        assertThat(mvc.perform(get("/actions/" + revealed.id() + ".ics"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Secret basement");
        var map = mvc.perform(get("/c/" + slug + "/actions.geojson").param("zoom", "12"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the map keeps the city's centre: it reads only its index
        assertThat(map).doesNotContain("48.8708");

        var hidden = mvc.perform(get("/actions/" + ahead.id()))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("ETag"))
                .andReturn();
        var page = Html.parse(hidden);
        assertThat(page.text()).doesNotContain("Secret basement").contains("The exact place is shown to everyone from");
        var ics = mvc.perform(get("/actions/" + ahead.id() + ".ics"))
                .andExpect(header().doesNotExist("ETag"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(ics).doesNotContain("Secret basement");

        var readerTime = page.select(".reader-time");
        assertThat(readerTime.attr("data-zone")).isEqualTo("Europe/Paris");
        assertThat(readerTime.attr("data-start"))
                .isEqualTo(ahead.details().start().toInstant().toString());
        assertThat(readerTime.hasAttr("hidden")).as("shown by the script only").isTrue();
        assertThat(page.select("script[src*=reader-time]")).hasSize(1);
    }
}

package org.chorus.actions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.accounts.ChorusUser;
import org.chorus.actions.ActionFixtures;
import org.chorus.actions.ActionForm;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.places.GeoJson;
import org.chorus.shared.calendar.CalendarFeed;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Hosts register actions through their pages, organizers moderate them, and readers find them in lists and calendars. */
@ChorusWebTest
class ActionPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.chorus.actions.HostingActions hosting;

    record Campaign(String slug, ChorusUser owner) {}

    Campaign campaign() {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        return new Campaign(actions.campaign(Actor.of(owner), coalition), owner);
    }

    MockHttpServletRequestBuilder form(String path, ChorusUser who, ActionForm form) {
        return post(path)
                .with(user(who))
                .with(csrf())
                .param("kind", form.kind())
                .param("title", form.title())
                .param("description", form.description())
                .param("organization", form.organization())
                .param("startsAt", form.startsAt())
                .param("endsAt", form.endsAt())
                .param("timeZone", form.timeZone())
                .param("online", form.online())
                .param("venue", form.venue())
                .param("address", form.address())
                .param("city", form.city())
                .param("latitude", form.latitude())
                .param("longitude", form.longitude())
                .param("approximate", String.valueOf(Boolean.TRUE.equals(form.approximate())))
                .param("accessibility", form.accessibility());
    }

    int stored(String title) {
        return jdbc.sql("select count(*) from actions where title = :title")
                .param("title", title)
                .query(Integer.class)
                .single();
    }

    @Test
    void a_person_registers_an_action_an_organizer_approves_it_and_it_shows_in_the_list_and_the_calendar()
            throws Exception {
        var campaign = campaign();
        var host = fixtures.person("host");
        var title = Fixtures.unique("Teach-in");
        var created = mvc.perform(form("/c/" + campaign.slug() + "/actions/new", host, actions.form(title)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(created).startsWith("/actions/");
        var id = created.substring("/actions/".length());

        mvc.perform(get(created)).andExpect(status().isNotFound());
        var hostsView = Html.parse(mvc.perform(get(created).with(user(host)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(hostsView.select("h1").text()).isEqualTo(title);
        assertThat(hostsView.select(".notice").text()).contains("Waiting for the campaign’s organizers");

        var queue = Html.parse(
                mvc.perform(get("/c/" + campaign.slug() + "/manage/actions").with(user(campaign.owner())))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(queue.select("input[name=action]").eachAttr("value")).containsExactly(id);
        assertThat(queue.select(".tag").text()).contains("New host");
        mvc.perform(post("/c/" + campaign.slug() + "/manage/actions/approve")
                        .with(user(campaign.owner()))
                        .with(csrf())
                        .param("action", id))
                .andExpect(status().is3xxRedirection());

        var page =
                Html.parse(mvc.perform(get(created)).andExpect(status().isOk()).andReturn());
        assertThat(page.select("dd").text()).contains("Place de la République", "Paris", "France", "(Europe/Paris)");
        assertThat(page.select("a[href=" + created + ".ics]")).isNotEmpty();
        var list = Html.parse(mvc.perform(get("/c/" + campaign.slug() + "/actions"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(list.select(".action-item a").text()).isEqualTo(title);
        var campaignPage = Html.parse(mvc.perform(get("/c/" + campaign.slug())).andReturn());
        assertThat(campaignPage.select(".campaign-actions-total").text()).isEqualTo("One action is registered.");
        assertThat(campaignPage.select(".chorus-map").attr("data-geojson"))
                .isEqualTo("/c/" + campaign.slug() + "/actions.geojson");

        var calendar = mvc.perform(get("/c/" + campaign.slug() + "/actions.ics"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var events = CalendarFeed.events(CalendarFeed.read(calendar));
        assertThat(events).extracting(e -> e.summary()).containsExactly(title);
        assertThat(events.getFirst().start().getZone().getId()).isEqualTo("Europe/Paris");
    }

    @Test
    void a_visitor_without_an_account_is_asked_to_sign_in_or_create_one() throws Exception {
        var campaign = campaign();
        var page = Html.parse(mvc.perform(get("/c/" + campaign.slug() + "/actions/new"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("a[href=/login]")).isNotEmpty();
        assertThat(page.select("a[href=/signup]")).isNotEmpty();
        assertThat(page.select("form[method=post]")).isEmpty();
    }

    @Test
    void bad_input_is_refused_next_to_each_field_and_nothing_is_stored() throws Exception {
        var campaign = campaign();
        var host = fixtures.person("host");
        var title = "<script>alert(1)</script> " + Fixtures.unique("Refused");
        var good = actions.form(title);
        var bad = new ActionForm(
                "PROTEST",
                title,
                "",
                "",
                good.startsAt().substring(0, 10) + "T25:00",
                good.endsAt(),
                "Mars/Olympus",
                "",
                "",
                "",
                "123456789012",
                "95",
                "10",
                false,
                "");
        var page = Html.parse(mvc.perform(form("/c/" + campaign.slug() + "/actions/new", host, bad))
                .andExpect(status().isUnprocessableEntity())
                .andReturn());
        assertThat(page.select("#title-error").text()).isEqualTo("A title is plain text: leave out the < and > signs.");
        assertThat(page.select("#timeZone-error").text()).contains("not a time zone we know");
        assertThat(page.select("#city-error").text()).contains("not in the list");
        assertThat(page.select("#latitude-error").text()).contains("−90 to 90");
        assertThat(page.select("input#title").attr("value")).as("kept as text").isEqualTo(title);
        assertThat(page.select("script:containsData(alert)")).isEmpty();
        assertThat(stored(title)).isZero();
    }

    @Test
    void the_city_is_found_without_javascript_by_posting_what_was_typed() throws Exception {
        var campaign = campaign();
        var host = fixtures.person("host");
        var page = Html.parse(mvc.perform(post("/c/" + campaign.slug() + "/actions/new")
                        .with(user(host))
                        .with(csrf())
                        .param("q", "bogota")
                        .param("find", "1")
                        .param("title", "Kept"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("input[name=city][type=radio]")).isNotEmpty();
        assertThat(page.select(".city-choices").text()).contains("Bogotá");
        assertThat(page.select("input#title").attr("value")).isEqualTo("Kept");
    }

    @Test
    void an_approximate_place_shows_only_its_city_to_the_public_and_everything_to_its_host() throws Exception {
        var campaign = campaign();
        var good = actions.form(Fixtures.unique("Hidden place"));
        var hidden = new ActionForm(
                good.kind(),
                good.title(),
                "",
                "",
                good.startsAt(),
                good.endsAt(),
                "",
                "",
                "Secret basement",
                "12 Hidden Lane",
                good.city(),
                "",
                "",
                true,
                "");
        var organizer = Actor.of(campaign.owner());
        var action = hosting.register(organizer, campaign.slug(), hidden);
        var path = "/actions/" + action.id();
        // the organizer first: the page cache keeps what anonymous readers get, and MockMvc sends no session cookie
        assertThat(Html.parse(mvc.perform(get(path).with(user(campaign.owner())))
                                .andReturn())
                        .text())
                .contains("Secret basement", "12 Hidden Lane");
        var publicView =
                Html.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn());
        assertThat(publicView.text())
                .doesNotContain("Secret basement")
                .doesNotContain("Hidden Lane")
                .contains("Paris");
        var ics = mvc.perform(get(path + ".ics")).andReturn().getResponse().getContentAsString();
        assertThat(ics).doesNotContain("Secret basement").contains("Paris");
    }

    @Test
    void an_organizer_rejects_an_action_with_a_reason_the_host_receives() throws Exception {
        var campaign = campaign();
        var host = fixtures.person("host");
        var action = actions.registered(Actor.of(host), campaign.slug(), Fixtures.unique("Off topic"));
        mvc.perform(post("/actions/" + action.id() + "/reject")
                        .with(user(campaign.owner()))
                        .with(csrf())
                        .param("reason", "Please make it about the climate."))
                .andExpect(status().is3xxRedirection());
        assertThat(ReceivedMail.text(TestMail.awaitOne(host.email()))).contains("Please make it about the climate.");
        var view = Html.parse(
                mvc.perform(get("/actions/" + action.id()).with(user(host))).andReturn());
        assertThat(view.select(".notice").text()).contains("Please make it about the climate.");
    }

    @Test
    void the_map_answers_geojson_and_refuses_bad_input_with_400() throws Exception {
        var campaign = campaign();
        actions.registered(Actor.of(campaign.owner()), campaign.slug(), Fixtures.unique("On the map"));
        var json = mvc.perform(get("/c/" + campaign.slug() + "/actions.geojson").param("zoom", "12"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(GeoJson.MEDIA_TYPE))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json).contains("\"FeatureCollection\"").contains("On the map");
        mvc.perform(get("/c/" + campaign.slug() + "/actions.geojson").param("bbox", "0,91,10,10"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/c/" + campaign.slug() + "/actions.geojson").param("zoom", "many"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/c/" + campaign.slug() + "/actions.geojson").param("kind", "PARADE"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/c/" + campaign.slug() + "/actions").param("after", "not-a-cursor"))
                .andExpect(status().isBadRequest());
    }
}

package org.chorus.actions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import org.chorus.actions.ActionFixtures;
import org.chorus.actions.ActionForm;
import org.chorus.actions.HostingActions;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.places.Gazetteer;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** "Find an action near you" from a city typed or chosen, and the campaign page's part once its window has passed. */
@ChorusWebTest
class NearbyActionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    HostingActions hosting;

    @Autowired
    Gazetteer gazetteer;

    @Autowired
    JdbcClient jdbc;

    Actor owner;
    String slug;

    String campaign() {
        var coalition = fixtures.coalition();
        var person = fixtures.person("owner");
        fixtures.grant(coalition, person, Role.OWNER);
        owner = Actor.of(person);
        slug = actions.campaign(owner, coalition);
        return slug;
    }

    long city(String name, String country) {
        return gazetteer.suggest(name, Optional.of(country), 1).getFirst().id();
    }

    /** An action of the campaign's owner (approved at once) in a city, its pin where given, approximate or not. */
    void action(String title, long city, String latitude, String longitude, boolean approximate) {
        var paris = actions.form(title);
        hosting.register(
                owner,
                slug,
                new ActionForm(
                        paris.kind(),
                        title,
                        paris.description(),
                        "",
                        paris.startsAt(),
                        paris.endsAt(),
                        "",
                        "",
                        "Town hall",
                        "",
                        Long.toString(city),
                        latitude,
                        longitude,
                        approximate,
                        ""));
    }

    @Test
    void actions_near_a_typed_city_come_nearest_first_with_their_distance() throws Exception {
        campaign();
        action("In Madrid", city("Madrid", "ES"), "", "", false);
        action("In Paris", ActionFixtures.PARIS, "", "", false);

        var page = Html.parse(mvc.perform(get("/c/" + slug + "/actions/near").param("place", "Lyon"))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(page.select("h2").first().text()).isEqualTo("Nearest to Lyon, France");
        assertThat(page.select(".action-item > a").eachText()).containsExactly("In Paris", "In Madrid");
        assertThat(page.select(".action-item .meta").first().text()).containsPattern("· 39\\d km away$");
        assertThat(page.select("input[name=place]").attr("value")).isEqualTo("Lyon");
    }

    @Test
    void a_host_who_shows_only_the_city_is_measured_from_the_city_never_from_the_pin() throws Exception {
        campaign();
        // the pin is in Lyon, the city is Paris: a search from Lyon must not find it next door
        action("Discreet", ActionFixtures.PARIS, "45.76", "4.84", true);

        var page = Html.parse(mvc.perform(
                        get("/c/" + slug + "/actions/near").param("city", Long.toString(city("Lyon", "FR"))))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(page.select(".action-item .meta").text()).containsPattern("39\\d km away");
    }

    @Test
    void a_city_not_in_the_gazetteer_is_said_plainly_and_a_bad_city_is_a_400_with_its_message() throws Exception {
        campaign();

        var page = Html.parse(mvc.perform(get("/c/" + slug + "/actions/near").param("place", "Qwxzzy"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("[role=alert]").text()).startsWith("No city called “Qwxzzy” is in our list");

        mvc.perform(get("/c/" + slug + "/actions/near").param("city", "paris"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("This city is not in our list")));
        mvc.perform(get("/c/" + slug + "/actions/near").param("city", "999999999999"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/c/" + slug + "/actions/near").param("place", "x".repeat(101)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/c/" + slug + "/actions/near").param("kind", "PARADE")).andExpect(status().isBadRequest());
        mvc.perform(get("/c/no-such-campaign/actions/near")).andExpect(status().isNotFound());
    }

    @Test
    void the_campaign_page_offers_the_search_and_after_its_window_says_what_happened() throws Exception {
        campaign();
        action("In Paris", ActionFixtures.PARIS, "", "", false);
        action("In Madrid", city("Madrid", "ES"), "", "", false);

        var running = Html.parse(
                mvc.perform(get("/c/" + slug)).andExpect(status().isOk()).andReturn());
        assertThat(running.select("form.near-form").attr("action")).isEqualTo("/c/" + slug + "/actions/near");
        assertThat(running.select("form.near-form button.near-me").hasAttr("hidden"))
                .isTrue();

        jdbc.sql("update campaigns set starts_on = current_date - 40, ends_on = current_date - 10,"
                        + " days_of_action = array[current_date - 20] where slug = :slug")
                .param("slug", slug)
                .update();
        var ended = Html.parse(mvc.perform(get("/c/" + slug).param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(ended.select("#actions-h").text()).isEqualTo("What happened");
        assertThat(ended.select(".campaign-actions-total").text()).isEqualTo("2 actions were held. In 2 countries.");
        assertThat(ended.select("form.near-form")).isEmpty();
        assertThat(ended.select("a[href=/c/" + slug + "/actions/new]")).isEmpty();
    }
}

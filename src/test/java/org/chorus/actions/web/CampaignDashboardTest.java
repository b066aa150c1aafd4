package org.chorus.actions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.chorus.actions.ActionFixtures;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A campaign's organizers read its figures as charts drawn on the server, as tables and as CSV; no one else does. */
@ChorusWebTest
class CampaignDashboardTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    org.chorus.signons.SignOnFixtures signOns;

    @Autowired
    org.chorus.signons.CountingSignOns counting;

    @Autowired
    org.chorus.campaigns.WritingCampaigns writing;

    @Autowired
    java.time.Clock clock;

    @Test
    void the_sign_ons_of_the_campaigns_related_statements_are_on_its_dashboard_as_a_chart_and_a_csv() throws Exception {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var actor = Actor.of(owner);
        var statement = signOns.opened(actor, coalition);
        var form = org.chorus.campaigns.CampaignFixtures.form(
                java.time.LocalDate.now(clock),
                Fixtures.unique("Campaign"),
                1,
                24,
                java.util.List.of(15),
                "",
                statement.slug());
        var slug = writing.publish(
                        actor, writing.create(actor, coalition.id(), form).slug())
                .slug();
        counting.recount();

        var page =
                Html.parse(mvc.perform(get("/c/" + slug + "/manage/dashboard").with(user(owner)))
                        .andExpect(status().isOk())
                        .andReturn());
        var chart = page.select("figure:has(#signons-caption)");
        assertThat(chart.select("tbody tr th").text()).isNotBlank();
        assertThat(chart.select("tbody tr td").text()).isEqualTo("0");
        var csv = csv("/c/" + slug + "/manage/dashboard/signons.csv", owner);
        assertThat(csv).startsWith("\uFEFFstatement,title,organizations,people,countries\r\n" + statement.slug() + ",");
        mvc.perform(get("/c/" + slug + "/manage/dashboard/signons.csv").with(user(fixtures.person("stranger"))))
                .andExpect(status().isForbidden());
    }

    @Autowired
    org.chorus.rsvps.RsvpFixtures rsvps;

    @Test
    void rsvps_are_on_the_dashboard_as_people_going_and_rsvps_per_day_and_each_part_has_its_csv() throws Exception {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var slug = actions.campaign(Actor.of(owner), coalition);
        var action = actions.registered(Actor.of(owner), slug, "Assembly in the park");
        rsvps.confirmed(action.id(), "A guest", Fixtures.uniqueEmail("dashboard-rsvp"), 2);

        var page =
                Html.parse(mvc.perform(get("/c/" + slug + "/manage/dashboard").with(user(owner)))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(page.select("#rsvps-h").text()).isEqualTo("RSVPs");
        assertThat(page.select("section:has(#rsvps-h) .dashboard-totals dd").eachText())
                .as("one RSVP with two guests is three people going")
                .containsExactly("3", "0", "0");
        assertThat(page.select("figure:has(#rsvps-per-day-caption) tfoot td").text())
                .isEqualTo("1");
        assertThat(page.select("#turnout-h, #letters-h"))
                .as("nothing reported, nothing sent")
                .isEmpty();

        var csv = csv("/c/" + slug + "/manage/dashboard/rsvps.csv", owner);
        assertThat(csv).startsWith("\uFEFFday,rsvps_confirmed\r\n").contains("people_going,3\r\n");
        for (var part : java.util.List.of("turnout", "letters")) {
            assertThat(csv("/c/" + slug + "/manage/dashboard/" + part + ".csv", owner))
                    .startsWith("\uFEFFby,value,");
        }
        mvc.perform(get("/c/" + slug + "/manage/dashboard/salaries.csv").with(user(owner)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/c/" + slug + "/manage/dashboard/rsvps.csv").with(user(fixtures.person("stranger"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void organizers_see_each_chart_as_svg_with_the_same_figures_in_a_table_and_a_csv() throws Exception {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var slug = actions.campaign(Actor.of(owner), coalition);
        actions.registered(Actor.of(owner), slug, "Rally at the square");
        actions.registered(Actor.of(owner), slug, "Teach-in at the library");
        actions.registered(Actor.of(fixtures.person("host")), slug, "Waiting for review");

        var page =
                Html.parse(mvc.perform(get("/c/" + slug + "/manage/dashboard").with(user(owner)))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(page.select(".dashboard-totals dd").eachText()).containsExactly("2", "1", "0", "0");
        var byCountry = page.select("figure:has(#country-caption)");
        assertThat(byCountry.select("svg rect")).hasSize(1);
        assertThat(byCountry.select("svg").attr("aria-hidden")).isEqualTo("true");
        assertThat(byCountry.select("tbody tr").text()).isEqualTo("France 2");
        assertThat(page.select("figure:has(#registered-caption) tfoot td").text())
                .as("every action registered, waiting ones too")
                .isEqualTo("3");
        assertThat(page.select("figure:has(#kind-caption) a[download]").attr("href"))
                .isEqualTo("/c/" + slug + "/manage/dashboard.csv?chart=kind");

        var csv = csv("/c/" + slug + "/manage/dashboard.csv?chart=country", owner);
        assertThat(csv).isEqualTo("\uFEFFcountry,public_actions\r\nFR,2\r\n");
        mvc.perform(get("/c/" + slug + "/manage/dashboard.csv")
                        .param("chart", "salaries")
                        .with(user(owner)))
                .andExpect(status().isNotFound());

        assertThat(page.select("#signons-caption"))
                .as("no related statement opened for sign-on, no sign-on chart")
                .isEmpty();
        mvc.perform(get("/c/" + slug + "/manage/dashboard").with(user(fixtures.person("stranger"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/c/" + slug + "/manage/dashboard")).andExpect(status().is3xxRedirection());
    }

    /** The CSV at the path as its reader downloads it (UTF-8, byte order mark first). */
    private String csv(String path, org.chorus.accounts.ChorusUser reader) throws Exception {
        return new String(
                mvc.perform(get(path).with(user(reader)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
    }
}

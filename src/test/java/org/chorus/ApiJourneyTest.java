package org.chorus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.chorus.accounts.ApiTokens;
import org.chorus.actions.ActionFixtures;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A program builds a campaign with its actions and RSVPs through the API alone, and people then see it where they
 * would had it been made in the pages: the campaign's and the actions' pages, the campaign's calendar and its map.
 */
@ChorusWebTest
class ApiJourneyTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Clock clock;

    String send(String token, String path, String json, int expected) throws Exception {
        return mvc.perform(post(path)
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void a_campaign_its_actions_and_rsvps_made_through_the_api_show_in_the_pages_the_calendar_and_the_map()
            throws Exception {
        var league = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(league, owner, Role.OWNER);
        var organizer = "Bearer "
                + tokens.create(owner.email(), "crm", 30, List.of("read", "write:campaigns", "write:actions"));
        var today = LocalDate.now(clock);
        var title = Fixtures.unique("Climate week");

        var campaign = send(
                organizer,
                "/api/v1/organizations/" + league.slug() + "/campaigns",
                """
                {"language": "en", "title": "%s", "summary": "Two weeks for clean air.", "call": "Join a **rally**.",
                 "demands": ["Clean air zones"], "timeZone": "Europe/Paris", "startsOn": "%s", "endsOn": "%s",
                 "daysOfAction": ["%s"], "kinds": ["PROTEST", "ONLINE"]}""".formatted(title, today.plusDays(1), today.plusDays(24), today.plusDays(15)),
                201);
        String slug = JsonPath.read(campaign, "$.slug");
        assertThat((String) JsonPath.read(campaign, "$.status")).isEqualTo("DRAFT");
        mvc.perform(post("/api/v1/campaigns/" + slug + "/publish").header("Authorization", organizer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));

        var day = today.plusDays(15);
        var ids = new java.util.ArrayList<String>();
        for (var place : List.of("Place de la République", "Gare du Nord")) {
            var action = send(
                    organizer,
                    "/api/v1/campaigns/" + slug + "/actions",
                    """
                    {"kind": "PROTEST", "title": "Rally at %s", "startsAt": "%sT10:00", "endsAt": "%sT12:00",
                     "venue": "%s", "city": %d}""".formatted(place, day, day, place, ActionFixtures.PARIS),
                    201);
            ids.add(JsonPath.read(action, "$.id"));
        }

        var supporter = fixtures.person("supporter");
        var going = send(
                "Bearer " + tokens.create(supporter.email(), "app", 30, List.of("write:rsvps")),
                "/api/v1/actions/" + ids.get(0) + "/rsvps",
                "{\"guests\": 1}",
                201);
        assertThat((String) JsonPath.read(going, "$.status")).isEqualTo("GOING");

        var page = mvc.perform(get("/c/" + slug)).andExpect(status().isOk()).andReturn();
        assertThat(page.getResponse().getContentAsString()).contains(title);
        mvc.perform(get("/actions/" + ids.get(1))).andExpect(status().isOk());
        var calendar = mvc.perform(get("/c/" + slug + "/actions.ics"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(calendar).contains("Rally at Place de la République", "Rally at Gare du Nord");
        mvc.perform(get("/c/" + slug + "/actions.geojson"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.features[0].properties.count").value(2)); // both, in one Paris cluster
    }
}

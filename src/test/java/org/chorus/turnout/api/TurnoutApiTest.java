package org.chorus.turnout.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.chorus.accounts.ApiTokens;
import org.chorus.actions.ActionFixtures;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.turnout.TurnoutFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * An action's host files its turnout through the API, as on the report page: how many came and what happened; filing
 * again replaces it. For someone else's token there is no such report to file (404, as the page answers), and a report
 * without a number is a 422 naming the field.
 */
@ChorusWebTest
class TurnoutApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TurnoutFixtures turnout;

    @Autowired
    ApiTokens tokens;

    ResultActions file(String token, String action, String json) throws Exception {
        return mvc.perform(put("/api/v1/actions/" + action + "/turnout")
                .header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void a_host_files_and_changes_the_turnout_of_its_action_and_others_cannot() throws Exception {
        var league = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(league, owner, Role.OWNER);
        var campaign = turnout.campaign(Actor.of(owner), league);
        var action = turnout.ended(
                        Actor.of(owner), Actor.of(owner), campaign, "Rally at the port", ActionFixtures.PARIS)
                .id()
                .toString();
        var token = "Bearer " + tokens.create(owner.email(), "app", 30, List.of("write:turnout"));

        file(token, action, "{\"participants\": 120, \"body\": \"A **good** day.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.participants").value(120))
                .andExpect(jsonPath("$.campaign").value(campaign));
        file(token, action, "{\"participants\": 140}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.participants").value(140));
        file(token, action, "{\"body\": \"No number.\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.participants").exists());

        var stranger =
                "Bearer " + tokens.create(fixtures.person("stranger").email(), "app", 30, List.of("write:turnout"));
        // someone else's action has no report to file for them, as on the page
        file(stranger, action, "{\"participants\": 5}").andExpect(status().isNotFound());

        // anyone reads the report, as on the action's page
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/api/v1/actions/" + action + "/turnout"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.participants").value(140))
                .andExpect(jsonPath("$.body").value(""))
                .andExpect(jsonPath("$.photos").isEmpty());
        var organizer = "Bearer " + tokens.create(owner.email(), "app", 30, List.of("write:turnout"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/actions/" + action + "/turnout/hidden")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .header("Authorization", organizer)
                        .content("{\"hidden\": true}"))
                .andExpect(status().isNoContent());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/api/v1/actions/" + action + "/turnout"))
                .andExpect(status().isNotFound());
        var unreported = turnout.ended(Actor.of(owner), Actor.of(owner), campaign, "Quiet vigil", ActionFixtures.PARIS);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/api/v1/actions/" + unreported.id() + "/turnout"))
                .andExpect(status().isNotFound());
    }
}

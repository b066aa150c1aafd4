package org.chorus.letters.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.chorus.accounts.ApiTokens;
import org.chorus.actions.ActionFixtures;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A campaign's organizers keep the officials its letter goes to through the API, as on the letter page: add one,
 * change it, delete it; a second official for one office is a 422, and someone else's token is refused.
 */
@ChorusWebTest
class LetterTargetsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    ApiTokens tokens;

    @Test
    void organizers_add_change_and_delete_the_officials_of_the_letter() throws Exception {
        var league = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(league, owner, Role.OWNER);
        var campaign = actions.campaign(Actor.of(owner), league);
        var token = "Bearer " + tokens.create(owner.email(), "crm", 30, List.of("write:letters"));
        var path = "/api/v1/campaigns/" + campaign + "/letter/targets";
        var minister = """
                {"country": "KE", "office": "Minister of Finance", "name": "A. Minister",
                 "email": "minister@treasury.example"}""";

        var created = mvc.perform(post(path)
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(minister))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.office").value("Minister of Finance"))
                .andReturn()
                .getResponse();
        String id = JsonPath.read(created.getContentAsString(), "$.id");
        mvc.perform(post(path)
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(minister))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.office").exists());
        mvc.perform(put(path + "/" + id)
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(minister.replace("A. Minister", "B. Minister")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("B. Minister"));

        var stranger =
                "Bearer " + tokens.create(fixtures.person("stranger").email(), "crm", 30, List.of("write:letters"));
        mvc.perform(delete(path + "/" + id).header("Authorization", stranger))
                .andExpect(status().is(org.hamcrest.Matchers.oneOf(403, 404)));
        mvc.perform(delete(path + "/" + id).header("Authorization", token)).andExpect(status().isNoContent());
        mvc.perform(delete(path + "/" + id).header("Authorization", token)).andExpect(status().isNotFound());
    }
}

package org.chorus.actions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.chorus.accounts.ApiTokens;
import org.chorus.accounts.ChorusUser;
import org.chorus.actions.ActionFixtures;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A program registers an action under a campaign through the API, with a token that may write actions: the same use
 * case as the page's form (approved at once for the campaign's own organizers, waiting for review for others), a 201
 * with its address, once per Idempotency-Key; a token without the scope, a field the action does not have, a value
 * of the wrong type and a rule broken each get a clear 4xx.
 */
@ChorusWebTest
class ActionsWriteApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Clock clock;

    Organization league;
    ChorusUser owner;
    String campaign;

    @BeforeEach
    void a_league_with_a_campaign() {
        league = fixtures.coalition();
        owner = fixtures.person("owner");
        fixtures.grant(league, owner, Role.OWNER);
        campaign = actions.campaign(Actor.of(owner), league);
    }

    String bearer(ChorusUser person, String... scopes) {
        return "Bearer " + tokens.create(person.email(), "api", 30, List.of(scopes));
    }

    String action(String title) {
        var day = LocalDate.now(clock).plusDays(15);
        return """
                {"kind": "PROTEST", "title": "%s", "description": "Bring a **sign**.",
                 "startsAt": "%sT10:00", "endsAt": "%sT12:00", "venue": "Place de la République",
                 "city": %d}""".formatted(title, day, day, ActionFixtures.PARIS);
    }

    ResultActions register(String bearer, String body, String key) throws Exception {
        var request = post("/api/v1/campaigns/" + campaign + "/actions")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .header("Authorization", bearer);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    @Test
    void an_organizer_registers_an_action_approved_at_once_and_a_retry_with_the_same_key_creates_nothing_more()
            throws Exception {
        var token = bearer(owner, "read", "write:actions");
        var key = Fixtures.unique("key");
        var created = register(token, action("Rally for clean air"), key)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.startsWith("/api/v1/actions/")))
                .andExpect(jsonPath("$.title").value("Rally for clean air"))
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.place.city").value("Paris"))
                .andExpect(jsonPath("$.descriptionHtml").value(Matchers.containsString("<strong>sign</strong>")))
                .andReturn()
                .getResponse();
        String id = JsonPath.read(created.getContentAsString(), "$.id");

        var replayed = register(token, action("Rally for clean air"), key)
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(header().string("Location", created.getHeader("Location")))
                .andExpect(jsonPath("$.id").value(id))
                .andReturn()
                .getResponse();
        assertThat(replayed.getContentAsString()).as("the same answer").isEqualTo(created.getContentAsString());
        register(token, action("Another rally"), key).andExpect(status().isUnprocessableContent());

        mvc.perform(get("/api/v1/actions").param("campaign", campaign))
                .andExpect(jsonPath("$.items[*].id").value(Matchers.contains(id)));
        mvc.perform(get("/actions/" + id))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("Rally for clean air")));
    }

    @Test
    void a_host_the_organizers_do_not_know_yet_waits_for_their_review() throws Exception {
        var host = fixtures.person("host");
        var body = register(bearer(host, "write:actions"), action("Teach-in on air"), null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(get("/api/v1/actions/" + JsonPath.read(body, "$.id"))).andExpect(status().isNotFound());
    }

    @Test
    void a_token_without_the_scope_a_wrong_field_or_type_and_a_broken_rule_are_refused_clearly() throws Exception {
        register(bearer(owner, "read", "write:statements"), action("Not allowed"), null)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("write:actions")));
        register("", action("No token"), null).andExpect(status().isUnauthorized());

        var token = bearer(owner, "write:actions");
        register(token, action("Typo").replace("\"venue\"", "\"vneue\""), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("There is no field vneue here.")));
        register(token, action("Wrong type").replace("\"city\": " + ActionFixtures.PARIS, "\"city\": \"Paris\""), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The field city has a value of the wrong type."));
        register(token, "[1, 2]", null).andExpect(status().isBadRequest());
        register(token, action(""), null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.title").exists());
        mvc.perform(get("/api/v1/actions").param("campaign", campaign))
                .andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void a_host_changes_and_cancels_an_action_only_with_the_version_it_read() throws Exception {
        var token = bearer(owner, "read", "write:actions");
        var created =
                register(token, action("Bike ride for air"), null).andReturn().getResponse();
        var location = created.getHeader("Location");
        var read = mvc.perform(get(location).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andReturn()
                .getResponse();
        var etag = read.getHeader("ETag");
        mvc.perform(get(location).header("If-None-Match", etag)).andExpect(status().isNotModified());

        var change = "{\"title\": \"Bike ride for clean air\", \"accessibility\": \"Step-free route.\"}";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(location)
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change))
                .andExpect(status().isPreconditionRequired());
        var changed = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(location)
                        .header("Authorization", token)
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Bike ride for clean air"))
                .andExpect(jsonPath("$.accessibility").value("Step-free route."))
                .andExpect(jsonPath("$.place.venue").value("Place de la République"))
                .andReturn()
                .getResponse();
        assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(location)
                        .header("Authorization", token)
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Lost update\"}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("This action changed since you read it.")));

        var stranger = bearer(fixtures.person("stranger"), "read", "write:actions");
        mvc.perform(post(location + "/cancel").header("Authorization", stranger).header("If-Match", "*"))
                .andExpect(status().isForbidden());
        mvc.perform(post(location + "/cancel")
                        .header("Authorization", token)
                        .header("If-Match", changed.getHeader("ETag")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cancelled").value(true));
        mvc.perform(get(location)).andExpect(jsonPath("$.title").value("Bike ride for clean air"));
    }
}

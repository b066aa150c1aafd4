package org.chorus.statements;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.chorus.accounts.ApiTokens;
import org.chorus.accounts.ChorusUser;
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
 * A program writes a statement of an organization through the API, as a draft its writers see (with a token that may
 * read) and nobody else does; a publisher's token publishes it, a writer's sends it for review, as the page's buttons
 * do; a retry with the same Idempotency-Key writes nothing more.
 */
@ChorusWebTest
class StatementsWriteApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokens tokens;

    Organization league;
    ChorusUser owner;
    ChorusUser editor;

    @BeforeEach
    void a_league_with_an_owner_and_an_editor() {
        league = fixtures.coalition();
        owner = fixtures.person("owner");
        editor = fixtures.person("editor");
        fixtures.grant(league, owner, Role.OWNER);
        fixtures.grant(league, editor, Role.EDITOR);
    }

    String bearer(ChorusUser person) {
        return "Bearer " + tokens.create(person.email(), "api", 30, List.of("read", "write:statements"));
    }

    ResultActions write(String bearer, String title, String key) throws Exception {
        var request = post("/api/v1/organizations/" + league.slug() + "/statements")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"language": "en", "title": "%s", "subtitle": "What we ask for",
                         "body": "We ask for **clean air**.", "place": "Nairobi", "topics": ["air", "climate-justice"],
                         "signatories": [{"name": "Amina Njeri", "role": "Chairperson", "organization": "%s"}]}""".formatted(title, league.name()));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    @Test
    void a_publishers_token_writes_a_draft_only_its_writers_see_then_publishes_it() throws Exception {
        var token = bearer(owner);
        var key = Fixtures.unique("key");
        var created = write(token, "Clean air for Nairobi", key)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.startsWith("/api/v1/statements/")))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.texts[0].title").value("Clean air for Nairobi"))
                .andExpect(jsonPath("$.signatories[0].name").value("Amina Njeri"))
                .andReturn()
                .getResponse();
        var location = created.getHeader("Location");
        String slug = JsonPath.read(created.getContentAsString(), "$.slug");
        write(token, "Clean air for Nairobi", key)
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.slug").value(slug));

        mvc.perform(get(location).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")));
        mvc.perform(get(location)).andExpect(status().isNotFound());

        mvc.perform(post(location + "/publish").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(get(location))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.texts[0].html").value(Matchers.containsString("<strong>clean air</strong>")));
        mvc.perform(get("/s/" + slug)).andExpect(status().isOk());
    }

    @Test
    void a_writers_token_sends_its_draft_for_review_and_a_bad_field_is_refused() throws Exception {
        var token = bearer(editor);
        var body = write(token, "Homes for all", null)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String slug = JsonPath.read(body, "$.slug");
        mvc.perform(post("/api/v1/statements/" + slug + "/publish").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"));

        mvc.perform(post("/api/v1/organizations/" + league.slug() + "/statements")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"language\": \"en\", \"titel\": \"Typo\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("There is no field titel here.")));
        mvc.perform(post("/api/v1/organizations/" + league.slug() + "/statements")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"language\": \"en\", \"title\": \"\", \"body\": \"\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.title").exists());
        var stranger = bearer(fixtures.person("stranger"));
        write(stranger, "Not theirs", null).andExpect(status().isForbidden());
    }

    org.springframework.mock.web.MockHttpServletResponse patch(String bearer, String slug, String etag, String json)
            throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(
                        "/api/v1/statements/" + slug)
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void a_draft_is_changed_and_a_published_statement_corrected_only_with_the_version_read() throws Exception {
        var token = bearer(owner);
        var created = write(token, "Rivers for all", null).andReturn().getResponse();
        String slug = JsonPath.read(created.getContentAsString(), "$.slug");
        var etag = mvc.perform(get("/api/v1/statements/" + slug).header("Authorization", token))
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        org.assertj.core.api.Assertions.assertThat(
                        patch(token, slug, null, "{\"title\": \"Rivers\"}").getStatus())
                .isEqualTo(428);
        var changed = patch(token, slug, etag, "{\"subtitle\": \"Clean rivers, now\"}");
        org.assertj.core.api.Assertions.assertThat(changed.getStatus()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(
                        (String) JsonPath.read(changed.getContentAsString(), "$.texts[0].subtitle"))
                .isEqualTo("Clean rivers, now");
        org.assertj.core.api.Assertions.assertThat(
                        (String) JsonPath.read(changed.getContentAsString(), "$.texts[0].title"))
                .as("what was not sent stays")
                .isEqualTo("Rivers for all");
        org.assertj.core.api.Assertions.assertThat(
                        patch(token, slug, etag, "{\"title\": \"Lost update\"}").getStatus())
                .as("the version read is no longer the current one")
                .isEqualTo(412);
        var malformed = patch(token, slug, "W/\"v1\"", "{\"title\": \"Weak\"}");
        org.assertj.core.api.Assertions.assertThat(malformed.getStatus()).isEqualTo(412);
        org.assertj.core.api.Assertions.assertThat((String) JsonPath.read(malformed.getContentAsString(), "$.detail"))
                .as("a statement's refusal does not speak of an action")
                .startsWith("This If-Match names no version");

        mvc.perform(post("/api/v1/statements/" + slug + "/publish").header("Authorization", token))
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        var published =
                mvc.perform(get("/api/v1/statements/" + slug)).andReturn().getResponse();
        var corrected = patch(
                token,
                slug,
                published.getHeader("ETag"),
                "{\"body\": \"We ask for **clean rivers**.\", \"correctionNote\": \"A word added.\"}");
        org.assertj.core.api.Assertions.assertThat(corrected.getStatus()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(
                        (String) JsonPath.read(corrected.getContentAsString(), "$.correctedAt"))
                .isNotNull();
        mvc.perform(get("/s/" + slug)).andExpect(status().isOk());
    }
}

package org.chorus.signons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import org.chorus.signons.SignOnRows;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/v1/statements/{slug}/signons}: the public list by cursor, described in the OpenAPI document. */
@ChorusWebTest
class SignOnsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SignOnRows rows;

    @Test
    void the_public_list_is_read_by_cursor_with_its_totals() throws Exception {
        var statement = rows.opened(Fixtures.unique("Api list"));
        rows.counted(() -> {
            for (int i = 0; i < 101; i++) {
                rows.organization(statement.id(), "Org %03d".formatted(i), "KE", null, null);
            }
            rows.person(statement.id(), "Ana Lima", "Rivers Union", "Organizer", "BR", true);
            rows.person(statement.id(), "Hidden Person", null, null, "PE", false);
        });
        var path = "/api/v1/statements/" + statement.slug() + "/signons";
        var first = mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.organizations").value(101))
                .andExpect(jsonPath("$.totals.people").value(2))
                .andExpect(jsonPath("$.list").value("organizations"))
                .andExpect(jsonPath("$.items.length()").value(100))
                .andExpect(jsonPath("$.items[0].kind").value("ORGANIZATION"))
                .andExpect(header().string("Link", Matchers.containsString("rel=\"next\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String next = JsonPath.read(first, "$.next");
        var names = new ArrayList<String>(JsonPath.read(first, "$.items[*].name"));
        var second = mvc.perform(get(next))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.next").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        names.addAll(JsonPath.read(second, "$.items[*].name"));
        assertThat(names).doesNotHaveDuplicates().hasSize(101);

        mvc.perform(get(path).param("list", "people"))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].name").value("Ana Lima"))
                .andExpect(jsonPath("$.items[0].affiliation").value("Rivers Union"));
        mvc.perform(get(path).param("list", "everyone"))
                .andExpect(status().isBadRequest())
                .andExpect(
                        header().string("Content-Type", Matchers.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)));
        mvc.perform(get(path).param("after", "broken"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("signons.cursor-invalid"));
        mvc.perform(get("/api/v1/statements/no-such-statement/signons")).andExpect(status().isNotFound());
    }

    @Autowired
    org.chorus.support.Fixtures fixtures;

    @Autowired
    org.chorus.accounts.ApiTokens tokens;

    @Test
    void an_organizer_with_a_token_gets_every_sign_on_with_every_field_and_others_the_public_list() throws Exception {
        var coalition = fixtures.coalition();
        var editor = fixtures.person("editor");
        var member = fixtures.person("member");
        fixtures.grant(coalition, editor, org.chorus.organizations.Role.EDITOR);
        fixtures.grant(coalition, member, org.chorus.organizations.Role.MEMBER);
        var statement = rows.opened(
                coalition, Fixtures.unique("Api organizers"), SignOnRows.asking("Sector: Health | Education"));
        rows.counted(() -> {
            rows.organization(statement.id(), "Listed Union", "KE", null, null);
            rows.organization(statement.id(), "Waiting Union", "KE", org.chorus.signons.SignOnStatus.CONFIRMED);
            rows.answered(statement.id(), "Ana Lima", "BR", java.util.List.of("Health"));
            rows.person(statement.id(), "Hidden Person", null, null, "PE", false);
        });
        var path = "/api/v1/statements/" + statement.slug() + "/signons";
        var bearer = "Bearer " + tokens.create(editor.email(), "organizer");

        mvc.perform(get(path).header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andExpect(jsonPath("$.organizer").value(true))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[*].name").value(Matchers.contains("Waiting Union", "Listed Union")))
                .andExpect(jsonPath("$.items[0].status").value("CONFIRMED"))
                .andExpect(jsonPath("$.items[0].email").value(Matchers.endsWith("@example.org")))
                .andExpect(jsonPath("$.items[0].id").exists())
                .andExpect(jsonPath("$.items[0].consents").isArray());
        var people = mvc.perform(get(path).param("list", "people").header("Authorization", bearer))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<java.util.List<String>>read(people, "$.items[*].contact"))
                .containsExactly("Hidden Person", "Ana Lima");
        assertThat(JsonPath.<java.util.List<String>>read(people, "$.items[1].answers[*].answer"))
                .containsExactly("Health");

        // an organizer's token without "read" reads what anyone reads
        var writeOnly = "Bearer " + tokens.create(editor.email(), "writer", 30, java.util.List.of("write:signons"));
        for (var other : java.util.List.of("Bearer " + tokens.create(member.email(), "member"), writeOnly, "")) {
            var request = get(path);
            if (!other.isEmpty()) {
                request = request.header("Authorization", other);
            }
            var body = mvc.perform(request)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.organizer").value(false))
                    .andExpect(jsonPath("$.items.length()").value(1))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(body).doesNotContain("@example.org", "Waiting Union", "\"status\"", "\"email\"");
        }
    }

    @Test
    void the_openapi_description_has_the_sign_on_list() throws Exception {
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(jsonPath("$.paths['/api/v1/statements/{slug}/signons'].get.parameters[*].name")
                        .value(Matchers.hasItems("slug", "list", "after")))
                .andExpect(jsonPath("$.paths['/api/v1/statements/{slug}/signons'].get.parameters[*].name")
                        .value(Matchers.not(Matchers.hasItem("viewer"))))
                .andExpect(jsonPath("$.paths['/api/v1/statements/{slug}/signons'].get.description")
                        .value(Matchers.containsString("Authorization: Bearer")))
                .andExpect(jsonPath("$.components.schemas.SignOnItem.properties.name")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.SignOnItem.properties.email.description")
                        .value(Matchers.startsWith("organizers only")))
                .andExpect(jsonPath("$.components.schemas.SignOnItems.properties.organizer")
                        .exists());
    }

    @Test
    void an_organizer_approves_rejects_and_removes_sign_ons_through_the_api_with_a_token_that_may_write_them()
            throws Exception {
        var coalition = fixtures.coalition();
        var editor = fixtures.person("editor");
        fixtures.grant(coalition, editor, org.chorus.organizations.Role.EDITOR);
        var statement = rows.opened(
                coalition, Fixtures.unique("Api moderation"), org.chorus.signons.SignOnOpening.Choices.defaults());
        var waiting = new org.chorus.signons.SignOnId[2];
        rows.counted(() -> {
            waiting[0] =
                    rows.organization(statement.id(), "Harbour Union", "KE", org.chorus.signons.SignOnStatus.CONFIRMED);
            waiting[1] =
                    rows.organization(statement.id(), "Spam Union", "KE", org.chorus.signons.SignOnStatus.CONFIRMED);
        });
        var path = "/api/v1/statements/" + statement.slug() + "/signons/";
        var writer = "Bearer " + tokens.create(editor.email(), "crm", 30, java.util.List.of("read", "write:signons"));
        mvc.perform(post(path + waiting[0].value() + "/approve").header("Authorization", writer))
                .andExpect(status().isNoContent());
        mvc.perform(post(path + waiting[1].value() + "/reject").header("Authorization", writer))
                .andExpect(status().isNoContent());
        mvc.perform(post(path + waiting[1].value() + "/reject").header("Authorization", writer))
                .andExpect(status().isConflict());
        rows.counted(() -> {});
        mvc.perform(get(path.substring(0, path.length() - 1)))
                .andExpect(jsonPath("$.items[*].name").value(Matchers.contains("Harbour Union")));

        mvc.perform(delete(path + waiting[0].value()).header("Authorization", writer))
                .andExpect(status().isNoContent());
        mvc.perform(delete(path + waiting[0].value()).header("Authorization", writer))
                .andExpect(status().isNotFound());
        mvc.perform(delete(path + "not-an-id").header("Authorization", writer)).andExpect(status().isNotFound());
        var reader = "Bearer " + tokens.create(editor.email(), "reader", 30, java.util.List.of("read"));
        mvc.perform(delete(path + waiting[1].value()).header("Authorization", reader))
                .andExpect(status().isForbidden());
    }
}

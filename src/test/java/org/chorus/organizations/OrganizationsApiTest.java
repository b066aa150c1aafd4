package org.chorus.organizations;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.accounts.ApiTokens;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class OrganizationsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokens tokens;

    @Autowired
    RegisteringOrganizations registering;

    @Test
    void listed_organizations_are_public_with_their_parent() throws Exception {
        var coalition = fixtures.coalition();
        var chapter = fixtures.below(coalition, OrganizationKind.CHAPTER);
        mvc.perform(get("/api/v1/organizations/" + chapter.slug()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(chapter.name()))
                .andExpect(jsonPath("$.kind").value("CHAPTER"))
                .andExpect(jsonPath("$.parent").value(coalition.slug()))
                .andExpect(jsonPath("$.languages[0]").value("en"));
        mvc.perform(get("/api/v1/organizations"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].slug", Matchers.hasItems(coalition.slug(), chapter.slug())));
    }

    @Test
    void a_pending_organization_is_not_in_the_api() throws Exception {
        var coalition = fixtures.coalition();
        var pending = registering.registerBelow(
                Actor.of(fixtures.person("asker")),
                coalition.slug(),
                OrganizationKind.MEMBER,
                Fixtures.profile(Fixtures.unique("P")));
        mvc.perform(get("/api/v1/organizations/" + pending.slug())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organizations"))
                .andExpect(jsonPath("$[*].slug", Matchers.not(Matchers.hasItem(pending.slug()))));
    }

    @Test
    void an_unknown_organization_is_a_problem_detail_in_the_callers_language() throws Exception {
        mvc.perform(get("/api/v1/organizations/does-not-exist").header("Accept-Language", "es"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.code").value("organization.not-found"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("organización")));
    }

    @Test
    void me_needs_a_valid_api_token() throws Exception {
        var person = fixtures.person("api");
        var token = tokens.create(person.email(), "test");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(person.email()))
                .andExpect(jsonPath("$.siteAdmin").value(false));
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer chorus_forged"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", Matchers.containsString("invalid_token")))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("not valid")));
    }

    @Test
    void the_api_describes_itself_in_openapi() throws Exception {
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/organizations']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/me']").exists());
    }
}

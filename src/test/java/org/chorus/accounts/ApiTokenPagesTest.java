package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.accounts.SignedInDevices.FIREFOX_ON_ANDROID;
import static org.chorus.accounts.SignedInDevices.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** A person creates, sees and revokes their API tokens on the account page (issue 11, hole 8). */
@ChorusWebTest
class ApiTokenPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @Test
    void a_new_token_is_shown_once_then_listed_by_its_label_and_never_shown_again() throws Exception {
        var person = fixtures.person("token-page");
        var session = signIn(mvc, person.email(), FIREFOX_ON_ANDROID);

        var token = create(session, "website sync", "90");
        assertThat(token).startsWith("chorus_");

        var list = mvc.perform(get("/account/tokens").session(session))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(list.getResponse().getContentAsString()).doesNotContain(token);
        var row = Html.parse(list).select("tbody tr").first();
        assertThat(row.text()).contains("website sync", "Never");
        assertThat(row.select("button").text()).isEqualTo("Revoke website sync");

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        assertThat(Html.parse(mvc.perform(get("/account/tokens").session(session))
                                .andReturn())
                        .select("tbody tr")
                        .text())
                .as("the day it was last used")
                .doesNotContain("Never");
    }

    @Test
    void a_revoked_token_gets_401_with_a_problem_in_the_callers_language() throws Exception {
        var person = fixtures.person("token-revoke");
        var session = signIn(mvc, person.email(), FIREFOX_ON_ANDROID);
        var token = create(session, "old laptop", "30");
        var revoke = Html.parse(
                        mvc.perform(get("/account/tokens").session(session)).andReturn())
                .select("tbody tr form")
                .attr("action");

        mvc.perform(post(revoke).session(session).with(csrf())).andExpect(redirectedUrl("/account/tokens"));

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token).header("Accept-Language", "fr"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail")
                        .value("Ce jeton d’API a été révoqué. Créez-en un nouveau sur la page de votre compte."));
        mvc.perform(get("/account/tokens").session(session)).andExpect(Html.hasNo("tbody tr"));
    }

    @Test
    void an_expired_token_gets_401_saying_it_expired() throws Exception {
        var person = fixtures.person("token-expiry");
        var session = signIn(mvc, person.email(), FIREFOX_ON_ANDROID);
        var token = create(session, "short-lived", "30");

        clock.advance(Duration.ofDays(30).plusMinutes(1));

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail")
                        .value("This API token has expired. Create a new one on your account page."));
    }

    @Test
    void changing_the_password_revokes_the_tokens_only_when_the_person_asks() throws Exception {
        var person = fixtures.person("token-password");
        var session = signIn(mvc, person.email(), FIREFOX_ON_ANDROID);
        var kept = create(session, "kept", "90");

        mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", Fixtures.PASSWORD)
                        .param("newPassword", "a second long secret"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + kept)).andExpect(status().isOk());

        mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", "a second long secret")
                        .param("newPassword", "a third long secret")
                        .param("revokeTokens", "true"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + kept)).andExpect(status().isUnauthorized());
    }

    @Test
    void a_token_without_a_name_is_refused_next_to_the_field() throws Exception {
        var person = fixtures.person("token-unnamed");
        var session = signIn(mvc, person.email(), FIREFOX_ON_ANDROID);
        mvc.perform(post("/account/tokens")
                        .session(session)
                        .with(csrf())
                        .param("label", "")
                        .param("expiry", "90")
                        .param("scopes", "read"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#label-error"))
                .andExpect(Html.hasNo("#token-value"));
    }

    @Test
    void a_token_may_do_only_what_its_scopes_say_and_at_least_one_is_chosen() throws Exception {
        var person = fixtures.person("token-scopes");
        var session = signIn(mvc, person.email(), FIREFOX_ON_ANDROID);
        var form =
                Html.parse(mvc.perform(get("/account/tokens").session(session)).andReturn());
        assertThat(form.select("input[name=scopes][checked]").eachAttr("value"))
                .as("read alone, unless the person chooses more")
                .containsExactly("read");
        assertThat(form.select("input[name=scopes]").eachAttr("value")).containsExactlyElementsOf(ApiTokens.SCOPES);

        mvc.perform(post("/account/tokens")
                        .session(session)
                        .with(csrf())
                        .param("label", "importer")
                        .param("expiry", "30")
                        .param("scopes", "write:actions", "write:rsvps"))
                .andExpect(status().isOk())
                .andExpect(Html.has("#token-value"));
        assertThat(Html.parse(mvc.perform(get("/account/tokens").session(session))
                                .andReturn())
                        .select("tbody tr code")
                        .eachText())
                .containsExactly("write:actions", "write:rsvps");

        var none = Html.parse(mvc.perform(post("/account/tokens")
                        .session(session)
                        .with(csrf())
                        .param("label", "nothing")
                        .param("expiry", "30"))
                .andExpect(status().isUnprocessableContent())
                .andReturn());
        assertThat(none.select("#scopes-error").text()).isEqualTo("Choose at least one thing the token may do.");
        assertThat(none.select("#token-value")).isEmpty();
        assertThat(Html.parse(mvc.perform(post("/account/tokens")
                                        .session(session)
                                        .with(csrf())
                                        .param("label", "odd")
                                        .param("expiry", "30")
                                        .param("scopes", "admin"))
                                .andExpect(status().isUnprocessableContent())
                                .andReturn())
                        .select("#scopes-error")
                        .text())
                .startsWith("There is no scope admin.");
    }

    private String create(MockHttpSession session, String label, String expiry) throws Exception {
        var page = mvc.perform(post("/account/tokens")
                        .session(session)
                        .with(csrf())
                        .param("label", label)
                        .param("expiry", expiry)
                        .param("scopes", "read"))
                .andExpect(status().isOk())
                .andReturn();
        return Html.parse(page).select("#token-value").val();
    }
}

package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.accounts.SignedInDevices.FIREFOX_ON_ANDROID;
import static org.chorus.accounts.SignedInDevices.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.chorus.organizations.Actor;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sensitive changes need a sign-in or a password confirmation from the last ten minutes (issue 11, item 12): a session
 * left open, or taken, cannot create tokens or hand out roles.
 */
@ChorusWebTest
class RecentSignInTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    ApiTokens tokens;

    @Autowired
    OrganizationPermissions permissions;

    @Test
    void within_ten_minutes_of_signing_in_a_token_is_created_without_asking_again() throws Exception {
        var person = fixtures.person("fresh");
        var session = signIn(mvc, person.email(), FIREFOX_ON_ANDROID);
        clock.advance(Duration.ofMinutes(9));

        mvc.perform(post("/account/tokens")
                        .session(session)
                        .with(csrf())
                        .param("label", "fresh")
                        .param("expiry", "30")
                        .param("scopes", "read"))
                .andExpect(status().isOk())
                .andExpect(Html.has("#token-value"));
        assertThat(tokens.of(person.id())).hasSize(1);
    }

    @Test
    void after_ten_minutes_the_password_is_asked_and_the_filled_in_form_goes_through_once_it_is_given()
            throws Exception {
        var person = fixtures.person("stale");
        var session = signIn(mvc, person.email(), FIREFOX_ON_ANDROID);
        clock.advance(Duration.ofMinutes(11));

        var asked = Html.parse(mvc.perform(post("/account/tokens")
                        .session(session)
                        .with(csrf())
                        .param("label", "backup script")
                        .param("expiry", "365")
                        .param("scopes", "read"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(asked.select("h1").text()).isEqualTo("Confirm it is you");
        assertThat(asked.select("form[action=/account/tokens] input[type=hidden][name=label]")
                        .val())
                .isEqualTo("backup script");
        assertThat(asked.select("form[action=/account/tokens] input[type=hidden][name=expiry]")
                        .val())
                .isEqualTo("365");
        assertThat(tokens.of(person.id())).as("nothing done yet").isEmpty();

        mvc.perform(post("/account/tokens")
                        .session(session)
                        .with(csrf())
                        .param("label", "backup script")
                        .param("expiry", "365")
                        .param("scopes", "read")
                        .param("reauthPassword", "not my password"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#reauthPassword-error"));
        assertThat(tokens.of(person.id())).isEmpty();

        mvc.perform(post("/account/tokens")
                        .session(session)
                        .with(csrf())
                        .param("label", "backup script")
                        .param("expiry", "365")
                        .param("scopes", "read")
                        .param("reauthPassword", Fixtures.PASSWORD))
                .andExpect(status().isOk())
                .andExpect(Html.has("#token-value"));
        assertThat(tokens.of(person.id())).extracting(ApiTokens.ApiToken::label).containsExactly("backup script");

        // confirmed: the next ten minutes need no password
        clock.advance(Duration.ofMinutes(5));
        mvc.perform(post("/account/tokens")
                        .session(session)
                        .with(csrf())
                        .param("label", "second")
                        .param("expiry", "30")
                        .param("scopes", "read"))
                .andExpect(Html.has("#token-value"));
    }

    @Test
    void changing_a_role_after_ten_minutes_asks_for_the_password_first() throws Exception {
        var organization = fixtures.coalition();
        var owner = fixtures.person("role-owner");
        var member = fixtures.person("role-member");
        fixtures.grant(organization, owner, Role.OWNER);
        fixtures.grant(organization, member, Role.MEMBER);
        var session = signIn(mvc, owner.email(), FIREFOX_ON_ANDROID);
        clock.advance(Duration.ofMinutes(11));
        var action = "/o/" + organization.slug() + "/manage/members/" + member.id() + "/role";

        var asked = Html.parse(
                mvc.perform(post(action).session(session).with(csrf()).param("role", "OWNER"))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(asked.select("form[action=" + action + "] input[name=role]").val())
                .isEqualTo("OWNER");
        assertThat(permissions.roleOf(Actor.of(member), organization.id())).contains(Role.MEMBER);

        // htmx swaps the answer into a table row: it is sent to the confirmation page instead, and back to the page
        mvc.perform(post(action)
                        .session(session)
                        .with(csrf())
                        .header("HX-Request", "true")
                        .header("Referer", "http://elsewhere.example/o/" + organization.slug() + "/manage")
                        .param("role", "OWNER"))
                .andExpect(header().string(
                                "HX-Redirect",
                                "/account/confirm-password?next=%2Fo%2F" + organization.slug() + "%2Fmanage"));

        mvc.perform(post(action)
                        .session(session)
                        .with(csrf())
                        .param("role", "MODERATOR")
                        .param("reauthPassword", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/o/" + organization.slug() + "/manage#people"));
        assertThat(permissions.roleOf(Actor.of(member), organization.id())).contains(Role.MODERATOR);
    }

    @Test
    void signing_in_again_counts_as_a_recent_sign_in() throws Exception {
        var person = fixtures.person("again");
        var session = signIn(mvc, person.email(), FIREFOX_ON_ANDROID);
        clock.advance(Duration.ofMinutes(11));
        var again = (org.springframework.mock.web.MockHttpSession) mvc.perform(post("/login")
                        .session(session)
                        .with(csrf())
                        .param("email", person.email())
                        .param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getRequest()
                .getSession(false);

        mvc.perform(post("/account/tokens")
                        .session(again)
                        .with(csrf())
                        .param("label", "again")
                        .param("expiry", "30")
                        .param("scopes", "read"))
                .andExpect(Html.has("#token-value"));
    }

    @Test
    void the_confirmation_page_returns_to_the_page_the_person_was_going_to_and_never_to_another_site()
            throws Exception {
        var person = fixtures.person("returning");
        var session = signIn(mvc, person.email(), FIREFOX_ON_ANDROID);
        clock.advance(Duration.ofMinutes(11));

        mvc.perform(get("/account/confirm-password").session(session).param("next", "/account/tokens"))
                .andExpect(status().isOk())
                .andExpect(Html.has("input[type=hidden][name=next][value=/account/tokens]"));
        mvc.perform(post("/account/confirm-password")
                        .session(session)
                        .with(csrf())
                        .param("next", "/account/tokens")
                        .param("reauthPassword", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/account/tokens"));

        for (var elsewhere : new String[] {"//evil.example/", "https://evil.example/", "/\\evil.example"}) {
            mvc.perform(post("/account/confirm-password")
                            .session(session)
                            .with(csrf())
                            .param("next", elsewhere)
                            .param("reauthPassword", Fixtures.PASSWORD))
                    .andExpect(redirectedUrl("/account"));
        }
    }

    @Test
    void five_wrong_passwords_on_the_confirmation_page_end_the_session() throws Exception {
        var person = fixtures.person("guessing");
        var session = signIn(mvc, person.email(), FIREFOX_ON_ANDROID);
        clock.advance(Duration.ofMinutes(11));
        for (int attempt = 1; attempt < RecentAuthentication.MAX_FAILURES; attempt++) {
            mvc.perform(post("/account/confirm-password")
                            .session(session)
                            .with(csrf())
                            .param("reauthPassword", "guess " + attempt))
                    .andExpect(status().isUnprocessableContent());
        }
        mvc.perform(post("/account/confirm-password")
                        .session(session)
                        .with(csrf())
                        .param("reauthPassword", "one guess too many"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void a_stolen_session_gets_five_guesses_at_the_current_password_on_the_email_and_password_forms() throws Exception {
        var person = fixtures.person("stolen-session");
        var session = signIn(mvc, person.email(), FIREFOX_ON_ANDROID);
        for (int attempt = 1; attempt < RecentAuthentication.MAX_FAILURES; attempt++) {
            var form = attempt % 2 == 0
                    ? post("/account/password")
                            .param("currentPassword", "guess " + attempt)
                            .param("newPassword", "a much longer new password")
                    : post("/account/email")
                            .param("newEmail", Fixtures.uniqueEmail("taken-over"))
                            .param("emailPassword", "guess " + attempt);
            mvc.perform(form.session(session).with(csrf())).andExpect(status().isUnprocessableContent());
        }
        mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", "one guess too many")
                        .param("newPassword", "a much longer new password"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void confirming_the_password_gives_the_session_a_new_id_as_signing_in_does() throws Exception {
        var person = fixtures.person("new-id");
        var session = signIn(mvc, person.email(), FIREFOX_ON_ANDROID);
        clock.advance(Duration.ofMinutes(11));
        var before = session.getId();
        mvc.perform(post("/account/confirm-password")
                        .session(session)
                        .with(csrf())
                        .param("next", "/account/tokens")
                        .param("reauthPassword", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/account/tokens"));
        assertThat(session.getId()).isNotEqualTo(before);
        mvc.perform(get("/account/sessions").session(session)).andExpect(status().isOk());
    }
}

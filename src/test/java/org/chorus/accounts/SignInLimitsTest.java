package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Sign-in limits sit where the password is checked and cannot be turned against the owner (issue 11, holes 1 and 2):
 * an address from one network, a network, the address from everywhere (10 an hour in tests), and a browser that
 * signed in before, which keeps its own allowance.
 */
@ChorusWebTest
@RecordApplicationEvents
class SignInLimitsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ThrottledSignIn provider;

    @Autowired
    KnownDevices devices;

    @Autowired
    ApplicationEvents events;

    @Test
    void the_limit_holds_wherever_a_password_is_checked_not_only_on_the_sign_in_address() {
        var person = fixtures.person("anywhere");
        for (int i = 0; i < 5; i++) {
            var guess = UsernamePasswordAuthenticationToken.unauthenticated(person.email(), "wrong " + i);
            assertThatThrownBy(() -> provider.authenticate(guess)).isInstanceOf(BadCredentialsException.class);
        }
        var right = UsernamePasswordAuthenticationToken.unauthenticated(person.email(), Fixtures.PASSWORD);
        assertThatThrownBy(() -> provider.authenticate(right)).isInstanceOf(ThrottledSignIn.SignInThrottled.class);
    }

    @Test
    void guesses_of_the_current_password_from_a_signed_in_session_are_limited_too() throws Exception {
        var person = fixtures.person("stolen-session");
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/account/password")
                            .with(user(person))
                            .with(csrf())
                            .param("currentPassword", "guess " + i)
                            .param("newPassword", "a brand new secret"))
                    .andExpect(status().isUnprocessableContent());
        }
        mvc.perform(post("/account/password")
                        .with(user(person))
                        .with(csrf())
                        .header("Accept-Language", "fr")
                        .param("currentPassword", Fixtures.PASSWORD)
                        .param("newPassword", "a brand new secret"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Trop de tentatives")));
    }

    @Test
    void an_attacker_from_another_network_does_not_lock_the_owner_out() throws Exception {
        var owner = fixtures.person("weapon");
        var device = signIn(owner.email(), Fixtures.PASSWORD, "198.51.100.7", null)
                .andExpect(redirectedUrl("/"))
                .andReturn();
        var cookie = deviceCookie(device);

        for (int i = 0; i < 5; i++) {
            signIn(owner.email(), "guess " + i, "203.0.113.9", null).andExpect(redirectedUrl("/login?error"));
        }
        signIn(owner.email(), Fixtures.PASSWORD, "203.0.113.9", null)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));

        // the owner's browser, even on the attacker's network
        signIn(owner.email(), Fixtures.PASSWORD, "203.0.113.9", cookie).andExpect(redirectedUrl("/"));
        // the owner on another network, without the cookie
        signIn(owner.email(), Fixtures.PASSWORD, "192.0.2.44", null).andExpect(redirectedUrl("/"));
    }

    @Test
    void a_crowd_of_networks_spends_the_address_allowance_but_not_the_allowance_of_the_owners_browser()
            throws Exception {
        var owner = fixtures.person("crowd");
        var cookie = deviceCookie(
                signIn(owner.email(), Fixtures.PASSWORD, "198.51.100.8", null).andReturn());
        for (int network = 1; network <= 2; network++) {
            for (int i = 0; i < 5; i++) {
                signIn(owner.email(), "guess " + i, "10.0." + network + ".1", null)
                        .andExpect(redirectedUrl("/login?error"));
            }
        }
        // 10 failures an hour from anywhere lock out browsers that never signed in to the account
        signIn(owner.email(), Fixtures.PASSWORD, "192.0.2.45", null).andExpect(status().isTooManyRequests());
        signIn(owner.email(), Fixtures.PASSWORD, "192.0.2.45", cookie).andExpect(redirectedUrl("/"));
    }

    @Test
    void a_device_cookie_helps_only_the_account_it_was_given_for_and_only_when_genuine() throws Exception {
        var owner = fixtures.person("cookie-owner");
        var other = fixtures.person("cookie-other");
        var ownersCookie = deviceCookie(
                signIn(owner.email(), Fixtures.PASSWORD, "198.51.100.9", null).andReturn());
        for (int i = 0; i < 5; i++) {
            signIn(other.email(), "guess " + i, "198.51.100.9", ownersCookie).andExpect(redirectedUrl("/login?error"));
        }
        signIn(other.email(), Fixtures.PASSWORD, "198.51.100.9", ownersCookie).andExpect(status().isTooManyRequests());

        var forged =
                ownersCookie.getValue().substring(0, ownersCookie.getValue().lastIndexOf('.') + 1) + "forged";
        assertThat(devices.verify(forged)).isEmpty();
        assertThat(devices.verify(ownersCookie.getValue()))
                .hasValueSatisfying(d -> assertThat(d.account()).isEqualTo(owner.id()));
    }

    @Test
    void the_device_cookie_is_http_only_same_site_and_kept_a_year() throws Exception {
        var person = fixtures.person("cookie-shape");
        var setCookie = setCookie(
                signIn(person.email(), Fixtures.PASSWORD, "198.51.100.10", null).andReturn());
        assertThat(setCookie)
                .startsWith("chorus_device=")
                .contains("Path=/")
                .contains("Max-Age=31536000")
                .contains("HttpOnly")
                .contains("SameSite=Lax");
    }

    @Test
    void a_sign_in_from_a_browser_that_never_signed_in_to_the_account_is_announced_once() throws Exception {
        var person = fixtures.person("new-device");
        var cookie = deviceCookie(
                signIn(person.email(), Fixtures.PASSWORD, "198.51.100.11", null).andReturn());
        signIn(person.email(), Fixtures.PASSWORD, "198.51.100.11", cookie).andExpect(redirectedUrl("/"));
        signIn(person.email(), Fixtures.PASSWORD, "198.51.100.11", null).andExpect(redirectedUrl("/"));

        assertThat(events.stream(AccountSecurityChanged.class)
                        .filter(e -> e.account().equals(person.id()))
                        .map(AccountSecurityChanged::change))
                .containsExactly(
                        AccountSecurityChanged.Change.SIGNED_IN_FROM_NEW_DEVICE,
                        AccountSecurityChanged.Change.SIGNED_IN_FROM_NEW_DEVICE);
    }

    private ResultActions signIn(String email, String password, String network, Cookie device) throws Exception {
        var request = post("/login")
                .with(csrf())
                .with(r -> {
                    r.setRemoteAddr(network);
                    return r;
                })
                .param("email", email)
                .param("password", password);
        if (device != null) {
            request.cookie(device);
        }
        return mvc.perform(request);
    }

    private static String setCookie(org.springframework.test.web.servlet.MvcResult result) {
        return result.getResponse().getHeaders("Set-Cookie").stream()
                .filter(c -> c.startsWith(KnownDevices.COOKIE + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no device cookie"));
    }

    private static Cookie deviceCookie(org.springframework.test.web.servlet.MvcResult result) {
        var setCookie = setCookie(result);
        return new Cookie(KnownDevices.COOKIE, setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';')));
    }
}

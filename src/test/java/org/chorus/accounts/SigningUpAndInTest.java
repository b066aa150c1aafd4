package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.shared.i18n.Language;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestMail;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class SigningUpAndInTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountDirectory directory;

    @Autowired
    SigningUp signingUp;

    @Autowired
    Fixtures fixtures;

    @Test
    void a_site_admin_can_still_activate_an_account_waiting_for_confirmation() throws Exception {
        var email = Fixtures.uniqueEmail("visitor");
        mvc.perform(post("/signup")
                        .with(csrf())
                        .param("email", email)
                        .param("displayName", "Vera Visitor")
                        .param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/signup/done"));

        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?inactive"));

        signingUp.activate(directory.findByEmail(email).orElseThrow().id());

        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void sign_up_shows_every_problem_at_once_next_to_its_field_in_the_visitors_language() throws Exception {
        mvc.perform(post("/signup")
                        .with(csrf())
                        .header("Accept-Language", "fr")
                        .param("email", "not-an-address")
                        .param("displayName", "")
                        .param("password", "short"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#email-error"))
                .andExpect(Html.has("#displayName-error"))
                .andExpect(Html.has("#password-error"))
                .andExpect(Html.has("html[lang=fr]"))
                .andExpect(content().string(Matchers.containsString("Saisissez votre nom.")))
                .andExpect(content().string(Matchers.containsString("au moins 10 caractères")));
    }

    @Test
    void a_too_short_password_is_refused_and_nothing_is_saved() throws Exception {
        var email = Fixtures.uniqueEmail("short");
        mvc.perform(post("/signup")
                        .with(csrf())
                        .param("email", email)
                        .param("displayName", "Sam")
                        .param("password", "123456789"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#password-error"))
                .andExpect(content().string(Matchers.containsString("at least 10 characters")));
        assertThat(directory.findByEmail(email)).isEmpty();
    }

    @Test
    void an_address_cannot_sign_up_twice_and_the_form_does_not_tell_whether_it_has_an_account() throws Exception {
        var email = Fixtures.uniqueEmail("twice");
        var first = signingUp.signUp(email, "First", Fixtures.PASSWORD, org.chorus.shared.i18n.Language.ENGLISH);
        mvc.perform(post("/signup")
                        .with(csrf())
                        .param("email", email.toUpperCase())
                        .param("displayName", "Second")
                        .param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/signup/done"));
        assertThat(directory.findByEmail(email)).hasValueSatisfying(a -> {
            assertThat(a.id()).isEqualTo(first);
            assertThat(a.displayName()).isEqualTo("First");
        });
    }

    @Test
    void signing_up_with_an_address_that_has_an_account_answers_like_a_new_one_and_tells_its_owner() throws Exception {
        var owner = fixtures.user(signingUp.createActive(
                Fixtures.uniqueEmail("known"), "Karim Known", Fixtures.PASSWORD, Language.ARABIC, false));
        var fresh = Fixtures.uniqueEmail("unknown");

        var known = mvc.perform(post("/signup")
                        .with(csrf())
                        .param("email", owner.email().toUpperCase())
                        .param("displayName", "Someone")
                        .param("password", "another long secret"))
                .andReturn()
                .getResponse();
        var unknown = mvc.perform(post("/signup")
                        .with(csrf())
                        .param("email", fresh)
                        .param("displayName", "Someone")
                        .param("password", "another long secret"))
                .andReturn()
                .getResponse();
        assertThat(known.getStatus()).isEqualTo(unknown.getStatus()).isEqualTo(302);
        assertThat(known.getRedirectedUrl())
                .isEqualTo(unknown.getRedirectedUrl())
                .isEqualTo("/signup/done");
        assertThat(known.getContentAsString()).isEqualTo(unknown.getContentAsString());
        assertThat(known.getHeaderNames()).isEqualTo(unknown.getHeaderNames());

        var notice = TestMail.awaitOne(owner.email());
        assertThat(notice.getSubject()).isEqualTo("حاول شخص ما إنشاء حساب على Test Coalition بعنوانك");
        assertThat(ReceivedMail.linkPath(notice, "/password/forgot")).isEqualTo("/password/forgot?lang=ar");
        assertThat(TestMail.awaitOne(fresh).getSubject()).isEqualTo("Confirm your email address for Test Coalition");
        assertThat(directory.findByEmail(owner.email())).hasValueSatisfying(a -> {
            assertThat(a.id()).isEqualTo(owner.id());
            assertThat(a.displayName()).isEqualTo("Karim Known");
        });
    }

    @Test
    void an_account_waiting_for_activation_is_only_mentioned_to_someone_who_knows_its_password() throws Exception {
        var email = Fixtures.uniqueEmail("waiting");
        signingUp.signUp(email, "Waiting", Fixtures.PASSWORD, org.chorus.shared.i18n.Language.ENGLISH);
        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", "not the password"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?inactive"));
    }

    @Test
    void a_wrong_password_is_refused_without_saying_which_part_was_wrong() throws Exception {
        var person = fixtures.person("wrong");
        mvc.perform(post("/login").with(csrf()).param("email", person.email()).param("password", "not the password"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login?error"))
                .andExpect(content().string(Matchers.containsString("email address or password is not correct")));
    }

    @Test
    void too_many_sign_in_attempts_for_one_address_are_refused_with_the_time_to_wait() throws Exception {
        var person = fixtures.person("throttled");
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login")
                            .with(csrf())
                            .param("email", person.email())
                            .param("password", "wrong " + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").with(csrf()).param("email", person.email()).param("password", Fixtures.PASSWORD))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(Matchers.containsString("Too many sign-in attempts")));
    }

    @Test
    void signing_out_ends_the_session() throws Exception {
        var person = fixtures.person("out");
        mvc.perform(post("/logout").with(user(person)).with(csrf())).andExpect(redirectedUrl("/?signedOut"));
    }

    @Test
    void a_form_posted_without_its_csrf_token_is_refused() throws Exception {
        mvc.perform(post("/signup")
                        .param("email", Fixtures.uniqueEmail("csrf"))
                        .param("displayName", "X")
                        .param("password", Fixtures.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void pages_forbid_inline_scripts_and_framing() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("script-src 'self'")))
                .andExpect(header().string(
                                "Content-Security-Policy", Matchers.not(Matchers.containsString("unsafe-inline"))))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }
}

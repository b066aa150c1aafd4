package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;

/** Signing in to an account with two-factor sign-in: the password, then a code, a recovery code or a passkey. */
@ChorusWebTest
class TwoStepSignInTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SettingUpTwoFactor setting;

    @Autowired
    TestClock clock;

    record Person(String email, byte[] secret, List<String> codes) {}

    Person personWithApp(String prefix) {
        var person = fixtures.person(prefix);
        var secret = TotpSecrets.Base32.decode(setting.begin(person.id()).secret());
        var codes = setting.confirm(person.id(), code(secret));
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        return new Person(person.email(), secret, codes);
    }

    String code(byte[] secret) {
        return Totp.code(secret, Totp.step(clock.instant()), Totp.DIGITS);
    }

    /** The first step: the right password; returns the browser's session. */
    MockHttpSession password(Person person) throws Exception {
        var session = new MockHttpSession();
        password(person, session);
        return session;
    }

    void password(Person person, MockHttpSession session) throws Exception {
        mvc.perform(post("/login")
                        .session(session)
                        .with(csrf())
                        .param("email", person.email())
                        .param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/login/second-factor"));
    }

    static boolean signedIn(MockHttpSession session) {
        return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext context
                && context.getAuthentication() != null;
    }

    @Test
    void after_the_password_alone_the_browser_is_not_signed_in_anywhere() throws Exception {
        var person = personWithApp("halfway");
        var session = password(person);
        assertThat(signedIn(session)).isFalse();
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").session(session)).andExpect(Html.has("a[href=/login]"));
        mvc.perform(get("/login/second-factor").session(session))
                .andExpect(status().isOk())
                .andExpect(Html.has("input#code[autocomplete=one-time-code]"))
                .andExpect(Html.has("[data-passkey-sign-in]"));
    }

    @Test
    void the_code_from_the_app_completes_the_sign_in_with_both_factors() throws Exception {
        var person = personWithApp("complete");
        var session = password(person);
        var before = session.getId();
        mvc.perform(post("/login/second-factor").session(session).with(csrf()).param("code", code(person.secret())))
                .andExpect(redirectedUrl("/"));
        assertThat(session.getId()).as("a new session id once signed in").isNotEqualTo(before);
        var context = (SecurityContext)
                session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(context.getAuthentication().getAuthorities())
                .extracting(a -> a.getAuthority())
                .contains(FactorGrantedAuthority.PASSWORD_AUTHORITY, TwoStepSignIn.TOTP_AUTHORITY);
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
    }

    @Test
    void a_wrong_code_is_refused_next_to_the_field_and_the_browser_stays_signed_out() throws Exception {
        var person = personWithApp("wrong");
        var session = password(person);
        mvc.perform(post("/login/second-factor").session(session).with(csrf()).param("code", "000000"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#code-error"));
        assertThat(signedIn(session)).isFalse();
    }

    @Test
    void a_code_used_once_does_not_sign_in_again() throws Exception {
        var person = personWithApp("reused");
        var code = code(person.secret());
        var first = password(person);
        mvc.perform(post("/login/second-factor").session(first).with(csrf()).param("code", code))
                .andExpect(redirectedUrl("/"));

        var second = password(person);
        mvc.perform(post("/login/second-factor").session(second).with(csrf()).param("code", code))
                .andExpect(status().isUnprocessableContent());
        assertThat(signedIn(second)).isFalse();
    }

    @Test
    void a_recovery_code_signs_in_once() throws Exception {
        var person = personWithApp("lostphone");
        var session = password(person);
        mvc.perform(post("/login/second-factor")
                        .session(session)
                        .with(csrf())
                        .param("code", person.codes().getFirst()))
                .andExpect(redirectedUrl("/"));
        assertThat(signedIn(session)).isTrue();

        var again = password(person);
        mvc.perform(post("/login/second-factor")
                        .session(again)
                        .with(csrf())
                        .param("code", person.codes().getFirst()))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void guessing_codes_is_stopped_after_five_tries() throws Exception {
        var person = personWithApp("guesser");
        var session = password(person);
        for (int i = 0; i < SigningInWithTwoFactor.ATTEMPTS; i++) {
            mvc.perform(post("/login/second-factor")
                            .session(session)
                            .with(csrf())
                            .param("code", "123456"))
                    .andExpect(status().isUnprocessableContent());
        }
        mvc.perform(post("/login/second-factor").session(session).with(csrf()).param("code", code(person.secret())))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        assertThat(signedIn(session)).isFalse();

        // a new password step does not reset the limit: it is the account's
        var fresh = password(person);
        mvc.perform(post("/login/second-factor").session(fresh).with(csrf()).param("code", code(person.secret())))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void the_second_step_waits_five_minutes_at_most() throws Exception {
        var person = personWithApp("slow");
        var session = password(person);
        clock.advance(Duration.ofMinutes(6));
        mvc.perform(post("/login/second-factor").session(session).with(csrf()).param("code", code(person.secret())))
                .andExpect(redirectedUrl("/login?step-expired"));
        mvc.perform(get("/login?step-expired")).andExpect(Html.has(".error-summary"));
        assertThat(signedIn(session)).isFalse();
    }

    @Test
    void the_second_step_without_a_password_first_goes_back_to_sign_in() throws Exception {
        mvc.perform(get("/login/second-factor")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login/second-factor").with(csrf()).param("code", "123456"))
                .andExpect(redirectedUrl("/login?step-expired"));
    }

    @Test
    void after_both_steps_the_person_lands_where_they_were_going() throws Exception {
        var person = personWithApp("going");
        var session = new MockHttpSession();
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login"));
        password(person, session);
        mvc.perform(post("/login/second-factor").session(session).with(csrf()).param("code", code(person.secret())))
                .andExpect(redirectedUrl("/account?continue"));
    }

    @Test
    void cancelling_the_second_step_forgets_the_password_step() throws Exception {
        var person = personWithApp("cancel");
        var session = password(person);
        mvc.perform(post("/login/second-factor/cancel").session(session).with(csrf()))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login/second-factor").session(session).with(csrf()).param("code", code(person.secret())))
                .andExpect(redirectedUrl("/login?step-expired"));
    }
}

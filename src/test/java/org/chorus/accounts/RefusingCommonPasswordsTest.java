package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The most common passwords are refused wherever a password is chosen (issue 11, item 14). */
@ChorusWebTest
class RefusingCommonPasswordsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountDirectory directory;

    @Autowired
    ResettingPasswords resetting;

    @ParameterizedTest(name = "in {0}")
    @CsvSource({
        "en, one of the most common ones",
        "fr, fait partie des plus courants",
        "es, es una de las más comunes",
        "ar, من أكثر كلمات المرور شيوعًا"
    })
    void a_common_password_is_refused_at_sign_up_in_any_case_with_a_clear_message(String language, String message)
            throws Exception {
        var email = Fixtures.uniqueEmail("common-" + language);
        mvc.perform(post("/signup")
                        .with(csrf())
                        .header("Accept-Language", language)
                        .param("email", email)
                        .param("displayName", "Common")
                        .param("password", "PassWord123"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#password-error"))
                .andExpect(content().string(Matchers.containsString(message)));
        assertThat(directory.findByEmail(email)).isEmpty();
    }

    @Test
    void a_common_password_is_refused_as_a_new_password() throws Exception {
        var person = fixtures.person("common-change");
        mvc.perform(post("/account/password")
                        .with(user(person))
                        .with(csrf())
                        .param("currentPassword", Fixtures.PASSWORD)
                        .param("newPassword", "qwertyuiop"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("one of the most common ones")));
    }

    @Test
    void a_common_password_is_refused_when_resetting_and_the_link_still_works() throws Exception {
        var person = fixtures.person("common-reset");
        var link =
                URI.create(resetting.requestLink(person.email()).orElseThrow()).getPath();
        mvc.perform(post(link).with(csrf()).param("password", "1234567890"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("one of the most common ones")));
        mvc.perform(post(link).with(csrf()).param("password", "a brand new secret"))
                .andExpect(status().is3xxRedirection());
    }
}

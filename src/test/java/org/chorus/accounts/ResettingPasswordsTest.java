package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class ResettingPasswordsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ResettingPasswords resetting;

    @Autowired
    Fixtures fixtures;

    @Test
    void a_reset_link_sets_a_new_password_once() throws Exception {
        var person = fixtures.person("reset");
        var link = resetting.requestLink(person.email()).orElseThrow();
        var path = link.substring(link.indexOf("/password/reset/"));

        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"password\"")));
        mvc.perform(post(path).with(csrf()).param("password", "a brand new secret"))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login").with(csrf()).param("email", person.email()).param("password", "a brand new secret"))
                .andExpect(redirectedUrl("/"));

        mvc.perform(post(path).with(csrf()).param("password", "yet another secret"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("no longer valid")));
    }

    @Test
    void asking_for_a_link_says_the_same_whether_or_not_the_address_has_an_account() throws Exception {
        var known = fixtures.person("known").email();
        var knownAnswer = mvc.perform(post("/password/forgot").with(csrf()).param("email", known))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var unknownAnswer = mvc.perform(post("/password/forgot").with(csrf()).param("email", "nobody@example.org"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(strip(knownAnswer, known)).isEqualTo(strip(unknownAnswer, "nobody@example.org"));
    }

    @Test
    void an_expired_or_made_up_link_is_refused() throws Exception {
        mvc.perform(get("/password/reset/made-up-token"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("no longer valid")));
    }

    private static String strip(String page, String email) {
        return page.replace(email, "").replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }
}

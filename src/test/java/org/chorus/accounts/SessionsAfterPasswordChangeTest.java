package org.chorus.accounts;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class SessionsAfterPasswordChangeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void changing_the_password_ends_the_accounts_other_sessions_but_not_this_one() throws Exception {
        var person = fixtures.person("two-devices");
        var laptop = signIn(person.email());
        var phone = signIn(person.email());
        mvc.perform(get("/account").session(phone)).andExpect(status().isOk());

        mvc.perform(post("/account/password")
                        .session(laptop)
                        .with(csrf())
                        .param("currentPassword", Fixtures.PASSWORD)
                        .param("newPassword", "a whole new secret"))
                .andExpect(redirectedUrl("/account"));

        mvc.perform(get("/account").session(laptop)).andExpect(status().isOk());
        mvc.perform(get("/account").session(phone)).andExpect(redirectedUrl("/login?expired"));
    }

    private MockHttpSession signIn(String email) throws Exception {
        var session = new MockHttpSession();
        var result = mvc.perform(post("/login")
                        .session(session)
                        .with(csrf())
                        .param("email", email)
                        .param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}

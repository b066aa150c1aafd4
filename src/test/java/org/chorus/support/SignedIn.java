package org.chorus.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Signs a person in for real (form login, a session), as the organizers' pages need. */
public final class SignedIn {

    private SignedIn() {}

    public static MockHttpSession session(MockMvc mvc, String email) throws Exception {
        var result = mvc.perform(post("/login")
                        .session(new MockHttpSession())
                        .with(csrf())
                        .param("email", email)
                        .param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}

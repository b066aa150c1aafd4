package org.chorus.accounts;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.support.Fixtures;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Signs a person in for real (form login, a session), from a browser that says what it is. */
final class SignedInDevices {

    static final String FIREFOX_ON_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0";
    static final String CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    private SignedInDevices() {}

    static MockHttpSession signIn(MockMvc mvc, String email, String userAgent) throws Exception {
        var result = mvc.perform(post("/login")
                        .session(new MockHttpSession())
                        .with(csrf())
                        .header("User-Agent", userAgent)
                        .param("email", email)
                        .param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        var session = (MockHttpSession) result.getRequest().getSession(false);
        // the first page after signing in, as the browser follows the redirect
        mvc.perform(get("/account").session(session).header("User-Agent", userAgent))
                .andExpect(status().isOk());
        return session;
    }
}

package org.chorus.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.support.ChorusWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every API answer says the caller's allowance (RateLimit-Limit, -Remaining, -Reset); past it, a token or a network
 * without one gets 429 with Retry-After and a Problem in its language, while another token goes on. Reads carry an
 * ETag and a repeated read with If-None-Match gets 304.
 */
@ChorusWebTest
class ApiLimitsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiAdvice uiAdvice;

    @Test
    void every_api_answer_says_the_allowance_and_a_read_asked_again_unchanged_gets_304() throws Exception {
        var first = mvc.perform(get("/api/v1/organizations"))
                .andExpect(status().isOk())
                .andExpect(header().exists("RateLimit-Limit"))
                .andExpect(header().exists("RateLimit-Remaining"))
                .andExpect(header().exists("RateLimit-Reset"))
                .andExpect(header().exists("ETag"))
                .andReturn()
                .getResponse();
        mvc.perform(get("/api/v1/organizations").header("If-None-Match", first.getHeader("ETag")))
                .andExpect(status().isNotModified());
    }

    MockHttpServletResponse call(ApiLimits.RateLimit limit, String address, String token) throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/v1/organizations");
        request.setRemoteAddr(address);
        request.addHeader("Accept-Language", "fr");
        if (token != null) {
            request.addHeader("Authorization", "Bearer " + token);
        }
        var response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void past_its_allowance_a_network_or_a_token_waits_and_others_go_on() throws Exception {
        var limit = new ApiLimits.RateLimit(uiAdvice, 3, 2);
        assertThat(call(limit, "203.0.113.7", null).getHeader("RateLimit-Remaining"))
                .isEqualTo("1");
        assertThat(call(limit, "203.0.113.8", null).getStatus())
                .as("the same /24")
                .isEqualTo(200);
        var refused = call(limit, "203.0.113.9", null);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getHeader("RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.getContentAsString()).contains("Trop de requêtes");
        assertThat(call(limit, "198.51.100.1", null).getStatus())
                .as("another network")
                .isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            assertThat(call(limit, "203.0.113.7", "chorus_a").getStatus()).isEqualTo(200);
        }
        assertThat(call(limit, "203.0.113.7", "chorus_a").getStatus()).isEqualTo(429);
        assertThat(call(limit, "203.0.113.7", "chorus_b").getStatus())
                .as("another token")
                .isEqualTo(200);
    }
}

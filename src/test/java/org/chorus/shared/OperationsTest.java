package org.chorus.shared;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.accounts.ApiTokens;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class OperationsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokens tokens;

    @Test
    void health_is_public_and_says_nothing_more_than_up() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void prometheus_metrics_are_for_site_admins_only_outside_dev_mode() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        var person = fixtures.person("metrics");
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + tokens.create(person.email(), "x")))
                .andExpect(status().isForbidden());
        var admin = fixtures.admin();
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + tokens.create(admin.email(), "x")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("jvm_memory_used_bytes")));
    }

    @Test
    void malformed_input_gets_a_translated_400_page_without_a_stack_trace() throws Exception {
        var admin = fixtures.adminUser(fixtures.admin().id());
        mvc.perform(post("/admin/accounts/not-a-uuid/activate")
                        .with(user(admin))
                        .with(csrf())
                        .header("Accept-Language", "fr"))
                .andExpect(status().isBadRequest())
                .andExpect(Html.has("html[lang=fr]"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
    }
}

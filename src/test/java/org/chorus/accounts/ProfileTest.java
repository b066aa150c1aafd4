package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class ProfileTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountDirectory directory;

    @Autowired
    Fixtures fixtures;

    @Test
    void a_person_changes_their_name_and_language() throws Exception {
        var person = fixtures.person("profile");
        mvc.perform(post("/account")
                        .with(user(person))
                        .with(csrf())
                        .param("displayName", "Nour")
                        .param("language", "ar"))
                .andExpect(redirectedUrl("/account"))
                .andExpect(cookie().value("chorus_lang", "ar"));
        var saved = directory.find(person.id()).orElseThrow();
        assertThat(saved.displayName()).isEqualTo("Nour");
        assertThat(saved.language()).isEqualTo("ar");
    }

    @Test
    void an_empty_name_is_refused_next_to_the_field() throws Exception {
        var person = fixtures.person("blank");
        mvc.perform(post("/account")
                        .with(user(person))
                        .with(csrf())
                        .param("displayName", "  ")
                        .param("language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#displayName-error"));
    }

    @Test
    void changing_the_password_needs_the_current_one() throws Exception {
        var person = fixtures.person("pw");
        mvc.perform(post("/account/password")
                        .with(user(person))
                        .with(csrf())
                        .param("currentPassword", "not it at all")
                        .param("newPassword", "another long secret"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#currentPassword-error"));
        mvc.perform(post("/account/password")
                        .with(user(person))
                        .with(csrf())
                        .param("currentPassword", Fixtures.PASSWORD)
                        .param("newPassword", "another long secret"))
                .andExpect(redirectedUrl("/account"));
    }

    @Test
    void the_profile_needs_a_signed_in_person() throws Exception {
        mvc.perform(get("/account")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void only_site_admins_see_accounts_waiting_for_activation() throws Exception {
        mvc.perform(get("/admin/accounts").with(user(fixtures.person("nosy")))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/accounts")
                        .with(user(fixtures.adminUser(fixtures.admin().id()))))
                .andExpect(status().isOk());
    }
}

package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.test.web.servlet.MockMvc;

/** Passkeys as the account page lists and removes them; registration itself runs in the browser journey. */
@ChorusWebTest
class PasskeysTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PublicKeyCredentialUserEntityRepository users;

    @Autowired
    UserCredentialRepository credentials;

    @Autowired
    SettingUpTwoFactor setting;

    @Autowired
    JdbcClient jdbc;

    /** Saves a passkey as Spring Security does after a registration; returns its id as the account page shows it. */
    String passkey(ChorusUser person, String label) {
        var entity = users.findByUsername(person.email());
        if (entity == null) {
            entity = ImmutablePublicKeyCredentialUserEntity.builder()
                    .id(Bytes.random())
                    .name(person.email())
                    .displayName(person.displayName())
                    .build();
            users.save(entity);
        }
        var id = Bytes.random();
        credentials.save(ImmutableCredentialRecord.builder()
                .credentialId(id)
                .userEntityUserId(entity.getId())
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .label(label)
                .publicKey(new ImmutablePublicKeyCose(new byte[] {1, 2, 3}))
                .signatureCount(0)
                .uvInitialized(true)
                .backupEligible(true)
                .backupState(false)
                .transports(Set.of())
                .attestationObject(new Bytes(new byte[] {4}))
                .build());
        return id.toBase64UrlString();
    }

    @Test
    void an_added_passkey_is_listed_and_turns_two_factor_sign_in_on() throws Exception {
        var person = fixtures.person("keyholder");
        passkey(person, "Work\u0000 laptop\n");
        mvc.perform(get("/account").with(user(person)))
                .andExpect(status().isOk())
                .andExpect(Html.has(".passkeys .passkey-label"))
                .andExpect(Html.has("[data-passkey-register][hidden]"));
        var status = setting.status(person.id());
        assertThat(status.on()).isTrue();
        assertThat(status.passkeys())
                .singleElement()
                .satisfies(p -> assertThat(p.label())
                        .as("control characters are dropped")
                        .isEqualTo("Work laptop"));
    }

    @Test
    void no_address_is_stored_with_a_passkey() {
        var person = fixtures.person("private-key");
        passkey(person, "Phone");
        var columns = jdbc.sql("""
                        select string_agg(column_name, ',') from information_schema.columns
                        where table_name in ('passkeys', 'passkey_users')
                        """).query(String.class).single();
        assertThat(columns).doesNotContain("email").doesNotContain("name,");
    }

    @Test
    void a_person_removes_their_passkey() throws Exception {
        var person = fixtures.person("remover");
        var id = passkey(person, "Old phone");
        mvc.perform(post("/account/passkeys/" + id + "/delete")
                        .with(user(person))
                        .with(csrf()))
                .andExpect(redirectedUrl("/account"));
        assertThat(setting.status(person.id()).passkeys()).isEmpty();
    }

    @Test
    void someone_elses_passkey_cannot_be_removed() throws Exception {
        var owner = fixtures.person("owner-of-key");
        var other = fixtures.person("not-the-owner");
        var id = passkey(owner, "Mine");
        mvc.perform(post("/account/passkeys/" + id + "/delete")
                        .with(user(other))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/account/passkeys/not-base64!/delete")
                        .with(user(other))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(setting.status(owner.id()).passkeys()).hasSize(1);
    }

    @Test
    void spring_securitys_own_removal_endpoint_is_closed() throws Exception {
        var person = fixtures.person("delete-verb");
        var id = passkey(person, "Kept");
        mvc.perform(delete("/webauthn/register/" + id).with(user(person)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(setting.status(person.id()).passkeys()).hasSize(1);
    }

    @Autowired
    org.chorus.support.TestClock clock;

    @Test
    void registering_a_passkey_needs_a_sign_in_from_the_last_ten_minutes() throws Exception {
        mvc.perform(post("/webauthn/register/options").with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/webauthn/register/options")).andExpect(status().isForbidden());
        var person = fixtures.person("passkey-recent");
        var session = SignedInDevices.signIn(mvc, person.email(), SignedInDevices.FIREFOX_ON_ANDROID);
        mvc.perform(post("/webauthn/register/options").session(session).with(csrf()))
                .andExpect(status().isOk());
        clock.advance(java.time.Duration.ofMinutes(11));
        mvc.perform(post("/webauthn/register/options").session(session).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("recent-sign-in-required")));
        mvc.perform(post("/webauthn/register").session(session).with(csrf()).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/account").session(session))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("/account/confirm-password?next=/account")));
    }
}

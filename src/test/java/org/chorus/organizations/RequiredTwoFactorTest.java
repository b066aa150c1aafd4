package org.chorus.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.chorus.accounts.ChorusUser;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.test.web.servlet.MockMvc;

/** An organization's owners require two-factor sign-in; whoever acts there without it is led to set it up first. */
@ChorusWebTest
class RequiredTwoFactorTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RegisteringOrganizations registering;

    @Autowired
    PublicKeyCredentialUserEntityRepository passkeyUsers;

    @Autowired
    UserCredentialRepository passkeys;

    /** Gives the person a passkey, a second factor, as registering one through the browser would. */
    ChorusUser withPasskey(ChorusUser person) {
        var entity = ImmutablePublicKeyCredentialUserEntity.builder()
                .id(Bytes.random())
                .name(person.email())
                .displayName(person.displayName())
                .build();
        passkeyUsers.save(entity);
        passkeys.save(ImmutableCredentialRecord.builder()
                .credentialId(Bytes.random())
                .userEntityUserId(entity.getId())
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .label("Phone")
                .publicKey(new ImmutablePublicKeyCose(new byte[] {1}))
                .signatureCount(0)
                .uvInitialized(true)
                .backupEligible(false)
                .backupState(false)
                .transports(Set.of())
                .build());
        return person;
    }

    Organization requiring(ChorusUser owner) throws Exception {
        var organization = fixtures.coalition();
        fixtures.grant(organization, owner, Role.OWNER);
        mvc.perform(post("/o/" + organization.slug() + "/manage/two-factor")
                        .with(user(owner))
                        .with(csrf())
                        .param("required", "true"))
                .andExpect(redirectedUrl("/o/" + organization.slug() + "/manage#two-factor"));
        assertThat(registering.twoFactorRequired(organization.id())).isTrue();
        return organization;
    }

    @Test
    void an_owner_without_two_factor_sign_in_cannot_require_it_of_others() throws Exception {
        var owner = fixtures.person("bare-owner");
        var organization = fixtures.coalition();
        fixtures.grant(organization, owner, Role.OWNER);
        mvc.perform(post("/o/" + organization.slug() + "/manage/two-factor")
                        .with(user(owner))
                        .with(csrf())
                        .param("required", "true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#twoFactorRequired-error"));
        assertThat(registering.twoFactorRequired(organization.id())).isFalse();
    }

    @Test
    void an_editor_without_a_second_factor_is_led_to_set_one_up_before_acting() throws Exception {
        var organization = requiring(withPasskey(fixtures.person("strict-owner")));
        var editor = fixtures.person("bare-editor");
        fixtures.grant(organization, editor, Role.EDITOR);

        var managing = mvc.perform(get("/o/" + organization.slug() + "/manage").with(user(editor)))
                .andExpect(redirectedUrl("/account/two-factor"))
                .andExpect(flash().attribute("requiredBy", organization.name()))
                .andReturn();
        mvc.perform(get("/o/" + organization.slug() + "/statements/new").with(user(editor)))
                .andExpect(redirectedUrl("/account/two-factor"));

        mvc.perform(get("/account/two-factor").with(user(editor)).flashAttrs(managing.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(Html.has("svg.qr-code"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString(organization.name() + " requires two-factor sign-in")));
    }

    @Test
    void with_a_second_factor_the_editor_acts_as_before() throws Exception {
        var organization = requiring(withPasskey(fixtures.person("owner-2fa")));
        var editor = withPasskey(fixtures.person("editor-2fa"));
        fixtures.grant(organization, editor, Role.EDITOR);
        mvc.perform(get("/o/" + organization.slug() + "/manage").with(user(editor)))
                .andExpect(status().isOk());
        mvc.perform(get("/o/" + organization.slug() + "/statements/new").with(user(editor)))
                .andExpect(status().isOk());
    }

    @Test
    void the_requirement_holds_only_where_it_was_made() throws Exception {
        var strict = requiring(withPasskey(fixtures.person("owner-strict")));
        var relaxed = fixtures.coalition();
        var editor = fixtures.person("two-hats");
        fixtures.grant(strict, editor, Role.EDITOR);
        fixtures.grant(relaxed, editor, Role.EDITOR);
        mvc.perform(get("/o/" + relaxed.slug() + "/statements/new").with(user(editor)))
                .andExpect(status().isOk());
        mvc.perform(get("/o/" + strict.slug() + "/statements/new").with(user(editor)))
                .andExpect(redirectedUrl("/account/two-factor"));
    }

    @Test
    void owners_can_stop_requiring_it() throws Exception {
        var owner = withPasskey(fixtures.person("lenient"));
        var organization = requiring(owner);
        mvc.perform(post("/o/" + organization.slug() + "/manage/two-factor")
                        .with(user(owner))
                        .with(csrf())
                        .param("required", "false"))
                .andExpect(redirectedUrl("/o/" + organization.slug() + "/manage#two-factor"));
        assertThat(registering.twoFactorRequired(organization.id())).isFalse();
    }
}

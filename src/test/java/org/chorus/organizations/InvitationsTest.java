package org.chorus.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.shared.DomainException;
import org.chorus.shared.i18n.Language;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestMail;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class InvitationsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ManagingMembers members;

    @Autowired
    OrganizationPermissions permissions;

    @Autowired
    org.chorus.accounts.SigningUp signingUp;

    @Autowired
    java.time.Clock clock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    org.chorus.shared.crypto.PersonalData personalData;

    @Test
    void an_owner_invites_someone_who_joins_with_the_offered_role_once() throws Exception {
        var organization = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(organization, owner, Role.OWNER);
        var invitee = fixtures.person("invitee");

        var page = mvc.perform(post("/o/" + organization.slug() + "/manage/invitations")
                        .with(user(owner))
                        .with(csrf())
                        .param("email", invitee.email().toUpperCase())
                        .param("role", "EDITOR"))
                .andExpect(status().isOk())
                .andReturn();
        var path = Html.parse(page).select("#invitation-link").val().replaceFirst("^http://localhost", "");
        assertThat(path).startsWith("/invitations/");

        mvc.perform(get(path).with(user(invitee)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(organization.name())));
        mvc.perform(post(path).with(user(invitee)).with(csrf())).andExpect(redirectedUrl("/o/" + organization.slug()));
        assertThat(permissions.roleOf(Actor.of(invitee), organization.id())).contains(Role.EDITOR);

        mvc.perform(post(path).with(user(invitee)).with(csrf())).andExpect(status().isNotFound());
    }

    @ParameterizedTest(name = "in {0}")
    @CsvSource({
        "en, Olivia Owner invites you to join, ltr, as Editor, because Olivia Owner invited this address to join",
        "ar, دعوة من Olivia Owner للانضمام إلى, rtl, بدور: محرر, لأن هذا العنوان تلقّى دعوة من Olivia Owner"
    })
    void the_invited_address_gets_an_email_naming_the_organization_and_the_inviter_and_joins_by_its_link(
            String language, String subject, String direction, String role, String reason) throws Exception {
        var organization = fixtures.coalition();
        var owner = fixtures.user(signingUp.createActive(
                Fixtures.uniqueEmail("olivia"), "Olivia Owner", Fixtures.PASSWORD, Language.ENGLISH, false));
        fixtures.grant(organization, owner, Role.OWNER);
        var address = Fixtures.uniqueEmail("invited-" + language);

        mvc.perform(post("/o/" + organization.slug() + "/manage/invitations")
                        .with(user(owner))
                        .with(csrf())
                        .param("email", address)
                        .param("role", "EDITOR")
                        .param("language", language))
                .andExpect(status().isOk())
                .andExpect(Html.has("#invitation-link"));

        var letter = TestMail.awaitOne(address);
        assertThat(letter.getSubject()).isEqualTo(subject + " " + organization.name());
        assertThat(Html.select(ReceivedMail.html(letter), "html[dir=" + direction + "]"))
                .isNotEmpty();
        assertThat(ReceivedMail.text(letter))
                .contains(organization.name())
                .contains(role)
                .contains(reason);

        var path = ReceivedMail.linkPath(letter, "/invitations/");
        var invitee = fixtures.user(
                signingUp.createActive(address, "Ines Invited", Fixtures.PASSWORD, Language.ENGLISH, false));
        mvc.perform(get(path).with(user(invitee)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(organization.name())));
        mvc.perform(post(path).with(user(invitee)).with(csrf())).andExpect(redirectedUrl("/o/" + organization.slug()));
        assertThat(permissions.roleOf(Actor.of(invitee), organization.id())).contains(Role.EDITOR);
    }

    @Test
    void the_invitation_email_is_in_the_language_of_the_account_that_has_the_address() throws Exception {
        var organization = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(organization, owner, Role.OWNER);
        var address = Fixtures.uniqueEmail("arabic-reader");
        signingUp.createActive(address, "Layla", Fixtures.PASSWORD, Language.ARABIC, false);
        members.invite(Actor.of(owner), organization.id(), address, Role.MEMBER, Language.FRENCH);
        assertThat(TestMail.awaitOne(address).getSubject()).contains("للانضمام إلى");
    }

    @Test
    void an_invitation_works_only_for_the_address_it_was_sent_to() throws Exception {
        var organization = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(organization, owner, Role.OWNER);
        var link = members.invite(Actor.of(owner), organization.id(), Fixtures.uniqueEmail("someone"), Role.MEMBER);
        var stranger = fixtures.person("stranger");
        mvc.perform(post(link.replace("http://localhost", ""))
                        .with(user(stranger))
                        .with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("another email address")));
    }

    @Test
    void an_invitation_stored_with_a_plain_address_is_sealed_and_still_accepted() throws Exception {
        var organization = fixtures.coalition();
        var invitee = fixtures.person("legacy-invitee");
        var token = org.chorus.shared.SecretToken.generate();
        jdbc.sql("""
                        insert into invitations (token_hash, organization_id, email_key, role, invited_by, created_at,
                                                 expires_at)
                        values (:hash, :org, lower(:email), 'MEMBER', :by, :now, :expires)
                        """)
                .param("hash", token.hash())
                .param("org", organization.id().value())
                .param("email", invitee.email())
                .param("by", invitee.id().value())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("expires", java.sql.Timestamp.from(clock.instant().plus(java.time.Duration.ofDays(14))))
                .update();

        try (var connection = dataSource.getConnection()) {
            assertThat(SealingInvitationEmails.migration(personalData).seal(connection))
                    .isGreaterThanOrEqualTo(1);
        }

        assertThat(jdbc.sql("select email_key is null from invitations where token_hash = :hash")
                        .param("hash", token.hash())
                        .query(Boolean.class)
                        .single())
                .isTrue();
        mvc.perform(post("/invitations/" + token.value()).with(user(invitee)).with(csrf()))
                .andExpect(redirectedUrl("/o/" + organization.slug()));
    }

    @Test
    void a_bad_address_is_shown_next_to_the_invitation_field() throws Exception {
        var organization = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(organization, owner, Role.OWNER);
        mvc.perform(post("/o/" + organization.slug() + "/manage/invitations")
                        .with(user(owner))
                        .with(csrf())
                        .param("email", "not an address")
                        .param("role", "MEMBER"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#email-error"));
    }

    @Test
    void the_last_owner_can_neither_step_down_nor_be_removed() {
        var organization = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(organization, owner, Role.OWNER);
        var admin = fixtures.siteAdmin();
        // the coalition's founder (a site admin from fixtures) is an owner too: remove them first
        members.members(admin, organization.id()).stream()
                .filter(m -> !m.account().equals(owner.id()))
                .forEach(m -> members.remove(admin, organization.id(), m.account()));

        assertThatThrownBy(() -> members.changeRole(Actor.of(owner), organization.id(), owner.id(), Role.MEMBER))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("member.last-owner"));
        assertThatThrownBy(() -> members.remove(Actor.of(owner), organization.id(), owner.id()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("member.last-owner"));
    }

    @Test
    void changing_a_role_with_htmx_answers_only_the_updated_row() throws Exception {
        var organization = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(organization, owner, Role.OWNER);
        var member = fixtures.person("member");
        fixtures.grant(organization, member, Role.MEMBER);
        var answer = mvc.perform(post("/o/" + organization.slug() + "/manage/members/" + member.id() + "/role")
                        .with(user(owner))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("role", "MODERATOR"))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(Html.fragment(answer, "tbody").children())
                .as("the updated row alone, not a page")
                .singleElement()
                .satisfies(row -> assertThat(row.is("tr#member-" + member.id())).isTrue());
        assertThat(permissions.roleOf(Actor.of(member), organization.id())).contains(Role.MODERATOR);
    }

    @Test
    void an_editor_sees_the_people_and_their_roles_but_only_owners_see_their_email_addresses() throws Exception {
        var organization = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(organization, owner, Role.OWNER);
        var editor = fixtures.person("editor");
        fixtures.grant(organization, editor, Role.EDITOR);
        var member = fixtures.person("member");
        fixtures.grant(organization, member, Role.MEMBER);
        var manage = "/o/" + organization.slug() + "/manage";

        var asEditor = mvc.perform(get(manage).with(user(editor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var asOwner = mvc.perform(get(manage).with(user(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(Html.select(asEditor, "#people tbody tr")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(asEditor)
                .contains(member.displayName())
                .doesNotContain(member.email(), owner.email(), editor.email());
        assertThat(Html.select(asEditor, "#people th").eachText()).doesNotContain("Email address");
        assertThat(asOwner).contains(member.displayName(), member.email(), editor.email());
        assertThat(members.members(Actor.of(editor), organization.id()))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.email()).isNull());
        assertThat(members.members(Actor.of(owner), organization.id()))
                .allSatisfy(m -> assertThat(m.email()).isNotBlank());
    }
}

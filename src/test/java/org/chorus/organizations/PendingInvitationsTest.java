package org.chorus.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.accounts.AccountDirectory;
import org.chorus.accounts.AccountId;
import org.chorus.accounts.SigningUp;
import org.chorus.shared.i18n.Language;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestMail;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Owners see the invitations that wait and withdraw or resend them; a link works for people without an account. */
@ChorusWebTest
class PendingInvitationsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ManagingMembers members;

    @Autowired
    OrganizationPermissions permissions;

    @Autowired
    SigningUp signingUp;

    @Autowired
    AccountDirectory accounts;

    private record Invited(
            Organization organization, org.chorus.accounts.ChorusUser owner, String address, String path) {}

    private Invited invite(Language language) {
        var organization = fixtures.coalition();
        var owner = fixtures.user(signingUp.createActive(
                Fixtures.uniqueEmail("owner"), "Olga Owner", Fixtures.PASSWORD, Language.ENGLISH, false));
        fixtures.grant(organization, owner, Role.OWNER);
        var address = Fixtures.uniqueEmail("invitee");
        var link = members.invite(Actor.of(owner), organization.id(), address, Role.EDITOR, language);
        return new Invited(organization, owner, address, link.replaceFirst("^https?://[^/]+", ""));
    }

    @Test
    void owners_see_who_invited_whom_and_when_and_editors_do_not_see_the_addresses() throws Exception {
        var invited = invite(Language.ENGLISH);
        var page = Html.parse(mvc.perform(
                        get("/o/" + invited.organization().slug() + "/manage").with(user(invited.owner())))
                .andExpect(status().isOk())
                .andReturn());
        var rows = page.select("#invitations tbody tr");
        assertThat(rows).hasSize(1);
        assertThat(rows.text()).contains(invited.address(), "Olga Owner", "Editor");

        var editor = fixtures.person("editor");
        fixtures.grant(invited.organization(), editor, Role.EDITOR);
        mvc.perform(get("/o/" + invited.organization().slug() + "/manage").with(user(editor)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(invited.address()))));
        assertThat(members.pendingInvitations(
                        Actor.of(invited.owner()), invited.organization().id()))
                .extracting(PendingInvitation::email)
                .containsExactly(invited.address());
    }

    @Test
    void a_withdrawn_invitation_says_so_and_can_no_longer_be_accepted() throws Exception {
        var invited = invite(Language.ENGLISH);
        var id = members.pendingInvitations(
                        Actor.of(invited.owner()), invited.organization().id())
                .getFirst()
                .id();
        mvc.perform(post("/o/" + invited.organization().slug() + "/manage/invitations/" + id + "/withdraw")
                        .with(user(invited.owner()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/o/" + invited.organization().slug() + "/manage#invitations"));
        assertThat(members.pendingInvitations(
                        Actor.of(invited.owner()), invited.organization().id()))
                .isEmpty();

        mvc.perform(get(invited.path()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("withdrawn by the organization")));
        var invitee = fixtures.user(
                signingUp.createActive(invited.address(), "Ines", Fixtures.PASSWORD, Language.ENGLISH, false));
        mvc.perform(post(invited.path()).with(user(invitee)).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("withdrawn by the organization")));
        assertThat(permissions.roleOf(Actor.of(invitee), invited.organization().id()))
                .isEmpty();
    }

    @Test
    void resending_emails_a_new_link_in_the_same_language_and_the_old_link_points_to_it() throws Exception {
        var invited = invite(Language.FRENCH);
        TestMail.awaitOne(invited.address());
        var id = members.pendingInvitations(
                        Actor.of(invited.owner()), invited.organization().id())
                .getFirst()
                .id();
        mvc.perform(post("/o/" + invited.organization().slug() + "/manage/invitations/" + id + "/resend")
                        .with(user(invited.owner()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/o/" + invited.organization().slug() + "/manage#invitations"));

        var letters = TestMail.await(invited.address(), 2);
        var newest = letters.stream()
                .map(ReceivedMail::text)
                .filter(text -> !text.contains(invited.path()))
                .findFirst()
                .orElseThrow();
        assertThat(newest).contains("vous invite à rejoindre");
        var newPath = java.util.regex.Pattern.compile("https?://[^/\\s]+(/invitations/[^\\s]*)")
                .matcher(newest)
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);
        assertThat(newPath).endsWith("?lang=fr").isNotEqualTo(invited.path() + "?lang=fr");

        // the old link as its letter gave it
        mvc.perform(get(invited.path() + "?lang=fr"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("invitation plus récente")));
        var invitee = fixtures.user(
                signingUp.createActive(invited.address(), "Ines", Fixtures.PASSWORD, Language.ENGLISH, false));
        mvc.perform(post(newPath).with(user(invitee)).with(csrf()))
                .andExpect(redirectedUrl("/o/" + invited.organization().slug()));
        assertThat(permissions.roleOf(Actor.of(invitee), invited.organization().id()))
                .contains(Role.EDITOR);
    }

    @Test
    void a_signed_out_visitor_sees_what_the_invitation_is_for_in_the_language_of_its_letter() throws Exception {
        var invited = invite(Language.SPANISH);
        var emailed = ReceivedMail.linkPath(TestMail.awaitOne(invited.address()), "/invitations/");
        assertThat(emailed).isEqualTo(invited.path() + "?lang=es");
        var page = Html.parse(mvc.perform(get(emailed).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("html").attr("lang")).isEqualTo("es");
        assertThat(page.select("main").text())
                .contains(invited.organization().name(), "Editor", "Olga Owner", "Iniciar sesión para aceptar");
        assertThat(page.select("a[href^=/signup?next=]")).hasSize(1);

        // the link as the owner may pass it on, without a language, still opens in the invitation's
        mvc.perform(get(invited.path()).header("Accept-Language", "en"))
                .andExpect(redirectedUrl(invited.path() + "?lang=es"));
    }

    @Test
    void a_person_who_signs_in_from_an_invitation_comes_back_to_it() throws Exception {
        var invited = invite(Language.ENGLISH);
        signingUp.createActive(invited.address(), "Ines", Fixtures.PASSWORD, Language.ENGLISH, false);
        var session = new MockHttpSession();
        mvc.perform(get(invited.path() + "?lang=en").session(session)).andExpect(status().isOk());
        var signedIn = mvc.perform(post("/login")
                        .session(session)
                        .with(csrf())
                        .param("email", invited.address())
                        .param("password", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(signedIn.getResponse().getRedirectedUrl())
                .contains(invited.path().replaceFirst("\\?.*$", ""));
    }

    @Test
    void a_person_who_signs_up_from_an_invitation_joins_by_confirming_the_address_without_another_press()
            throws Exception {
        var invited = invite(Language.ENGLISH);
        var signedUp = signUpFrom(invited);
        assertThat(permissions.roleOf(
                        Actor.of(fixtures.user(signedUp.account())),
                        invited.organization().id()))
                .isEmpty();

        var signedIn = confirm(signedUp);

        var member = Actor.of(fixtures.user(signedUp.account()));
        assertThat(permissions.roleOf(member, invited.organization().id())).contains(Role.EDITOR);
        var landed = mvc.perform(get(signedUp.next()).session(signedIn))
                .andExpect(redirectedUrl("/o/" + invited.organization().slug()))
                .andReturn();
        assertThat(landed.getFlashMap().get("notice")).isEqualTo("invitation.accepted");
    }

    @Test
    void an_invitation_withdrawn_before_the_address_is_confirmed_is_not_accepted_and_its_page_says_why()
            throws Exception {
        var invited = invite(Language.ENGLISH);
        var signedUp = signUpFrom(invited);
        var id = members.pendingInvitations(
                        Actor.of(invited.owner()), invited.organization().id())
                .getFirst()
                .id();
        members.withdrawInvitation(
                Actor.of(invited.owner()), invited.organization().id(), id);

        var signedIn = confirm(signedUp);

        assertThat(permissions.roleOf(
                        Actor.of(fixtures.user(signedUp.account())),
                        invited.organization().id()))
                .isEmpty();
        mvc.perform(get(signedUp.next()).session(signedIn))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("withdrawn by the organization")))
                .andExpect(content().string(Matchers.containsString("Sign out")));
    }

    private record SignedUp(MockHttpSession session, String next, String confirmToken, AccountId account) {}

    /** Opens the invitation signed out, follows "Create an account" and signs up with the invited address. */
    private SignedUp signUpFrom(Invited invited) throws Exception {
        var session = new MockHttpSession();
        var invitationPage =
                Html.parse(mvc.perform(get(invited.path() + "?lang=en").session(session))
                        .andExpect(status().isOk())
                        .andReturn());
        var signUp = invitationPage.select("a[href^=/signup?next=]").attr("href");
        var form = Html.parse(mvc.perform(get(signUp).session(session))
                .andExpect(status().isOk())
                .andReturn());
        var next = form.select("input[name=next]").val();
        assertThat(form.select(".notice").text()).contains("in this browser");
        assertThat(next).startsWith("/invitations/");

        mvc.perform(post("/signup")
                        .session(session)
                        .with(csrf())
                        .param("email", invited.address())
                        .param("displayName", "Nadia Newcomer")
                        .param("password", Fixtures.PASSWORD)
                        .param("next", next))
                .andExpect(redirectedUrl("/signup/done"));
        var confirm = ReceivedMail.linkPath(
                TestMail.await(invited.address(), 2).stream()
                        .filter(m -> ReceivedMail.text(m).contains("/signup/confirm/"))
                        .findFirst()
                        .orElseThrow(),
                "/signup/confirm/");
        var token = confirm.replaceFirst("^/signup/confirm/", "").replaceFirst("\\?.*$", "");
        var account = accounts.findByEmail(invited.address()).orElseThrow().id();
        return new SignedUp(session, next, token, account);
    }

    /** Presses the confirm button in the browser that signed up; returns the signed-in session. */
    private MockHttpSession confirm(SignedUp signedUp) throws Exception {
        var confirmed = mvc.perform(post("/signup/confirm/" + signedUp.confirmToken())
                        .session(signedUp.session())
                        .with(csrf()))
                .andExpect(redirectedUrl(signedUp.next()))
                .andReturn();
        return (MockHttpSession) confirmed.getRequest().getSession(false);
    }

    @Test
    void a_confirmation_in_another_browser_does_not_sign_in() throws Exception {
        var invited = invite(Language.ENGLISH);
        mvc.perform(post("/signup")
                        .session(new MockHttpSession())
                        .with(csrf())
                        .param("email", invited.address())
                        .param("displayName", "Nadia Newcomer")
                        .param("password", Fixtures.PASSWORD)
                        .param("next", "/invitations/x"))
                .andExpect(redirectedUrl("/signup/done"));
        var confirm = ReceivedMail.linkPath(
                TestMail.await(invited.address(), 2).stream()
                        .filter(m -> ReceivedMail.text(m).contains("/signup/confirm/"))
                        .findFirst()
                        .orElseThrow(),
                "/signup/confirm/");
        var token = confirm.replaceFirst("^/signup/confirm/", "").replaceFirst("\\?.*$", "");
        mvc.perform(post("/signup/confirm/" + token)
                        .session(new MockHttpSession())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(Html.has("a[href=/login]"));
    }

    @Test
    void a_sign_up_form_never_sends_anyone_to_another_site_afterwards() throws Exception {
        for (var next : java.util.List.of("//evil.example/", "https://evil.example/", "/\\evil.example")) {
            var form = Html.parse(mvc.perform(get("/signup").param("next", next))
                    .andExpect(status().isOk())
                    .andReturn());
            assertThat(form.select("input[name=next]")).isEmpty();
        }
    }
}

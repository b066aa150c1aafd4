package org.chorus.signons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.support.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.organizations.Actor;
import org.chorus.organizations.ManagingMembers;
import org.chorus.organizations.Role;
import org.chorus.signons.SignOnOpening;
import org.chorus.signons.SignOnRows;
import org.chorus.signons.SignOnStatus;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An owner designates a member as an organizer of the organization's sign-ons: the member then organizes the sign-ons
 * of that organization's statements, and of no other's; withdrawn, or out of the organization, they do no more.
 */
@ChorusWebTest
class SignOnOrganizersPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SignOnRows rows;

    @Autowired
    ManagingMembers members;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_designated_member_organizes_the_sign_ons_of_the_organizations_statements_only() throws Exception {
        var coalition = fixtures.coalition();
        var elsewhere = fixtures.coalition();
        var owner = fixtures.person("owner");
        var editor = fixtures.person("editor");
        var member = fixtures.person("member");
        var stranger = fixtures.person("stranger");
        fixtures.grant(coalition, owner, Role.OWNER);
        fixtures.grant(coalition, editor, Role.EDITOR);
        fixtures.grant(coalition, member, Role.MEMBER);
        fixtures.grant(elsewhere, member, Role.MEMBER);
        var statement = rows.opened(coalition, Fixtures.unique("Ours"), SignOnOpening.Choices.defaults());
        var theirs = rows.opened(elsewhere, Fixtures.unique("Theirs"), SignOnOpening.Choices.defaults());
        var waiting = rows.organization(statement.id(), "Waiting Group", "FR", SignOnStatus.CONFIRMED);
        var signers = "/s/" + statement.slug() + "/sign-on/signers";
        var organizers = "/o/" + coalition.slug() + "/sign-on-organizers";
        var memberSession = SignedIn.session(mvc, member.email());
        mvc.perform(get(signers).session(memberSession)).andExpect(status().isForbidden());

        var ownerSession = SignedIn.session(mvc, owner.email());
        var manage =
                Html.parse(mvc.perform(get("/o/" + coalition.slug() + "/manage").session(ownerSession))
                        .andReturn());
        assertThat(manage.select("a[href=" + organizers + "]")).hasSize(1);
        var page = Html.parse(mvc.perform(get(organizers).session(ownerSession))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("#organizer-" + editor.id() + " form"))
                .as("an editor organizes by role")
                .isEmpty();
        assertThat(page.select("#organizer-" + member.id() + " input[name=organizer]")
                        .val())
                .isEqualTo("true");
        mvc.perform(post(organizers + "/" + member.id())
                        .session(ownerSession)
                        .with(csrf())
                        .param("organizer", "true"))
                .andExpect(redirectedUrl(organizers));
        mvc.perform(post(organizers + "/" + stranger.id())
                        .session(ownerSession)
                        .with(csrf())
                        .param("organizer", "true"))
                .andExpect(status().isNotFound());
        assertThat(Html.parse(mvc.perform(get(organizers).session(ownerSession)).andReturn())
                        .select("#organizer-" + member.id() + " .tag")
                        .text())
                .isEqualTo("Designated");

        mvc.perform(get(signers).session(memberSession)).andExpect(status().isOk());
        mvc.perform(get("/s/" + statement.slug() + "/sign-on/manage").session(memberSession))
                .andExpect(status().isOk());
        mvc.perform(post(signers + "/" + waiting + "/approve")
                        .session(memberSession)
                        .with(csrf()))
                .andExpect(redirectedUrl(signers));
        mvc.perform(get("/s/" + theirs.slug() + "/sign-on/signers").session(memberSession))
                .andExpect(status().isForbidden());
        mvc.perform(get(organizers).session(memberSession)).andExpect(status().isForbidden());
        var editorSession = SignedIn.session(mvc, editor.email());
        mvc.perform(post(organizers + "/" + member.id())
                        .session(editorSession)
                        .with(csrf())
                        .param("organizer", "false"))
                .andExpect(status().isForbidden());

        mvc.perform(post(organizers + "/" + member.id())
                        .session(ownerSession)
                        .with(csrf())
                        .param("organizer", "false"))
                .andExpect(redirectedUrl(organizers));
        mvc.perform(get(signers).session(memberSession)).andExpect(status().isForbidden());
        eventually("the designation and its withdrawal are in the organization's log")
                .until(() -> jdbc.sql("select string_agg(kind, ',' order by id) from audit_entries"
                                + " where organization_id = :organization and kind like 'signons.ORGANIZER%'")
                        .param("organization", coalition.id().value())
                        .query(String.class)
                        .optional()
                        .map("signons.ORGANIZER_DESIGNATED,signons.ORGANIZER_WITHDRAWN"::equals)
                        .orElse(false));
    }

    @Test
    void a_designated_member_removed_from_the_organization_organizes_nothing_any_more() throws Exception {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        var member = fixtures.person("member");
        fixtures.grant(coalition, owner, Role.OWNER);
        fixtures.grant(coalition, member, Role.MEMBER);
        var statement = rows.opened(coalition, Fixtures.unique("Left"), SignOnOpening.Choices.defaults());
        var ownerSession = SignedIn.session(mvc, owner.email());
        var organizers = "/o/" + coalition.slug() + "/sign-on-organizers";
        mvc.perform(post(organizers + "/" + member.id())
                        .session(ownerSession)
                        .with(csrf())
                        .param("organizer", "true"))
                .andExpect(redirectedUrl(organizers));

        members.remove(Actor.of(owner), coalition.id(), member.id());
        var memberSession = SignedIn.session(mvc, member.email());
        mvc.perform(get("/s/" + statement.slug() + "/sign-on/signers").session(memberSession))
                .andExpect(status().isForbidden());
        eventually("the designation is gone with the membership")
                .until(() -> jdbc.sql("select count(*) from signon_organizers where organization_id = :organization")
                                .param("organization", coalition.id().value())
                                .query(Long.class)
                                .single()
                        == 0);
        // joining again does not bring it back
        fixtures.grant(coalition, member, Role.MEMBER);
        mvc.perform(get("/s/" + statement.slug() + "/sign-on/signers").session(memberSession))
                .andExpect(status().isForbidden());
    }
}

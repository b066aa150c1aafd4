package org.chorus.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.support.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import org.chorus.accounts.ChorusUser;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An organization's owners may approve followers by hand: a follow then waits, unanswered, on their fediverse page,
 * where they approve it (an Accept goes to the follower) or refuse it; they may remove any follower (a Reject tells
 * its server). Other members do not see the page.
 */
@ChorusWebTest
class ManagingFollowersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Clock clock;

    Organization league;
    ChorusUser owner;
    RemoteServer remote;

    @BeforeEach
    void a_league_with_an_owner_and_a_server_with_two_people() throws Exception {
        league = fixtures.coalition();
        owner = fixtures.person("owner");
        fixtures.grant(league, owner, Role.OWNER);
        remote = new RemoteServer("ana", "bob");
    }

    @AfterEach
    void stop() {
        remote.close();
    }

    void follows(String name) throws Exception {
        mvc.perform(remote.post(
                        name,
                        "/o/" + league.slug() + "/inbox",
                        """
                        {"@context": "https://www.w3.org/ns/activitystreams", "type": "Follow", "id": "%s/follows/%s",
                         "actor": "%s", "object": "http://localhost/o/%s"}""".formatted(remote.origin, name, remote.actor(name), league.slug()),
                        clock.instant()))
                .andExpect(status().isAccepted());
    }

    org.jsoup.nodes.Document page() throws Exception {
        return Html.parse(
                mvc.perform(get("/o/" + league.slug() + "/manage/fediverse").with(user(owner)))
                        .andExpect(status().isOk())
                        .andReturn());
    }

    @Test
    void follows_wait_for_an_owner_who_approves_by_hand_and_an_answer_reaches_the_followers_server() throws Exception {
        mvc.perform(post("/o/" + league.slug() + "/manage/fediverse/approval")
                        .with(user(owner))
                        .with(csrf())
                        .param("manually", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/o/" + league.slug()).accept("application/activity+json"))
                .andExpect(jsonPath("$.manuallyApprovesFollowers").value(true));

        follows("ana");
        follows("bob");
        var waiting = page();
        assertThat(waiting.select("#waiting li .follower a").eachText())
                .containsExactlyInAnyOrder("@ana@" + remote.origin.substring(7), "@bob@" + remote.origin.substring(7));
        assertThat(waiting.select("#followers h2").text()).isEqualTo("No followers");

        mvc.perform(post("/o/" + league.slug() + "/manage/fediverse/followers/approve")
                        .with(user(owner))
                        .with(csrf())
                        .param("actor", remote.actor("ana")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/o/" + league.slug() + "/manage/fediverse/followers/remove")
                        .with(user(owner))
                        .with(csrf())
                        .param("actor", remote.actor("bob")))
                .andExpect(status().is3xxRedirection());

        eventually("ana's server hears of the approval, bob's of the refusal")
                .until(() -> remote.received("Accept").size() == 1
                        && remote.received("Reject").size() == 1);
        assertThat(remote.received("Accept").get(0).path()).isEqualTo("/users/ana/inbox");
        assertThat(remote.received("Reject").get(0).path()).isEqualTo("/users/bob/inbox");
        var after = page();
        assertThat(after.select("#waiting li")).isEmpty();
        assertThat(after.select("#followers h2").text()).isEqualTo("One follower");

        mvc.perform(post("/o/" + league.slug() + "/manage/fediverse/followers/approve")
                        .with(user(owner))
                        .with(csrf())
                        .param("actor", remote.actor("bob")))
                .andExpect(status().isConflict());
    }

    @Test
    void a_member_who_is_not_an_owner_cannot_see_the_fediverse_page() throws Exception {
        var editor = fixtures.person("editor");
        fixtures.grant(league, editor, Role.EDITOR);
        mvc.perform(get("/o/" + league.slug() + "/manage/fediverse").with(user(editor)))
                .andExpect(status().isForbidden());
    }

    long followerCount() throws Exception {
        var heading = page().select("#followers h2").text();
        return heading.equals("No followers") ? 0 : heading.equals("One follower") ? 1 : -1;
    }

    @Test
    void
            an_owner_who_blocks_a_server_loses_its_followers_and_refuses_its_follows_and_one_who_silences_it_approves_them()
                    throws Exception {
        follows("ana");
        assertThat(followerCount()).isEqualTo(1);

        mvc.perform(post("/o/" + league.slug() + "/manage/fediverse/blocks")
                        .with(user(owner))
                        .with(csrf())
                        .param("domain", "http://127.0.0.1/whatever"))
                .andExpect(status().is3xxRedirection());
        assertThat(page().select("#blocks li code").eachText()).containsExactly("127.0.0.1");
        assertThat(followerCount()).as("its follower removed").isZero();
        mvc.perform(remote.post(
                        "bob",
                        "/o/" + league.slug() + "/inbox",
                        """
                        {"@context": "https://www.w3.org/ns/activitystreams", "type": "Follow", "id": "%s/follows/b2",
                         "actor": "%s", "object": "http://localhost/o/%s"}""".formatted(remote.origin, remote.actor("bob"), league.slug()),
                        clock.instant()))
                .andExpect(status().isForbidden());

        mvc.perform(post("/o/" + league.slug() + "/manage/fediverse/blocks")
                        .with(user(owner))
                        .with(csrf())
                        .param("domain", "127.0.0.1")
                        .param("severity", "silence"))
                .andExpect(status().is3xxRedirection());
        follows("bob");
        assertThat(page().select("#waiting li .follower a").eachText())
                .as("a silenced server's follow waits, though the organization accepts follows at once")
                .hasSize(1);

        mvc.perform(post("/o/" + league.slug() + "/manage/fediverse/blocks/remove")
                        .with(user(owner))
                        .with(csrf())
                        .param("domain", "127.0.0.1"))
                .andExpect(status().is3xxRedirection());
        assertThat(page().select("#blocks li")).isEmpty();
        mvc.perform(post("/o/" + league.slug() + "/manage/fediverse/blocks")
                        .with(user(owner))
                        .with(csrf())
                        .param("domain", "not a domain"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void a_site_admin_sees_deliveries_and_followers_and_blocks_a_server_for_the_whole_site() throws Exception {
        follows("ana");
        var admin = fixtures.adminUser(fixtures.admin().id());
        var page = Html.parse(mvc.perform(get("/admin/federation").with(user(admin)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("#deliveries p").text()).contains("waiting").contains("delivered");
        assertThat(page.select("#organizations li").text()).contains(league.name());

        mvc.perform(post("/admin/federation/blocks")
                        .with(user(admin))
                        .with(csrf())
                        .param("domain", "Harass.Example")
                        .param("severity", "block")
                        .param("reason", "harassment"))
                .andExpect(status().is3xxRedirection());
        var blocked = Html.parse(
                mvc.perform(get("/admin/federation").with(user(admin))).andReturn());
        assertThat(blocked.select("#blocks li").text())
                .contains("harass.example")
                .contains("harassment");
        mvc.perform(post("/admin/federation/blocks/remove")
                        .with(user(admin))
                        .with(csrf())
                        .param("domain", "harass.example"))
                .andExpect(status().is3xxRedirection());
        assertThat(Html.parse(mvc.perform(get("/admin/federation").with(user(admin)))
                                .andReturn())
                        .select("#blocks li")
                        .text())
                .doesNotContain("harass.example");
        mvc.perform(get("/admin/federation").with(user(owner))).andExpect(status().isForbidden());
    }
}

package org.chorus.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.support.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.springframework.test.web.servlet.ResultActions;

/**
 * An organization follows accounts on other servers (another Chorus, a Mobilizon group, a Mastodon account) by their
 * handle: a signed Follow goes to the account's inbox and the follow waits for its Accept. What followed accounts then
 * publish publicly appears on the owners' "allied organizations" page, changed by their Updates and gone with their
 * Deletes; an article is republished as the organization's statement with one click, naming its publisher and
 * linking to the original as its canonical address.
 */
@ChorusWebTest
class FollowingAlliedOrganizationsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Clock clock;

    Organization league;
    ChorusUser owner;
    RemoteServer remote;
    String host;
    final AtomicInteger activities = new AtomicInteger();

    @BeforeEach
    void a_league_with_an_owner_and_a_server_with_two_accounts() throws Exception {
        league = fixtures.coalition();
        owner = fixtures.person("owner");
        fixtures.grant(league, owner, Role.OWNER);
        remote = new RemoteServer("tenants-union", "bob");
        host = remote.origin.substring("http://".length());
    }

    @AfterEach
    void stop() {
        remote.close();
    }

    ResultActions follow(String handle) throws Exception {
        return mvc.perform(post("/o/" + league.slug() + "/manage/fediverse/allied/follow")
                .with(user(owner))
                .with(csrf())
                .param("handle", handle));
    }

    org.jsoup.nodes.Document page() throws Exception {
        return Html.parse(mvc.perform(
                        get("/o/" + league.slug() + "/manage/fediverse/allied").with(user(owner)))
                .andExpect(status().isOk())
                .andReturn());
    }

    /** The account sends an activity to Chorus's shared inbox, as Mastodon delivers to a server's followers. */
    void sends(String name, String type, String object) throws Exception {
        mvc.perform(remote.post(
                        name,
                        "/inbox",
                        """
                        {"@context": "https://www.w3.org/ns/activitystreams", "type": "%s",
                         "id": "%s/activities/%d", "actor": "%s", "object": %s,
                         "to": ["https://www.w3.org/ns/activitystreams#Public"]}""".formatted(
                                type, remote.actor(name), activities.incrementAndGet(), remote.actor(name), object),
                        clock.instant()))
                .andExpect(status().isAccepted());
    }

    /** The union follows the league back... of the Follow Chorus sent: its answer names it whole, as Mastodon's does. */
    void answers(String type) throws Exception {
        var follow = remote.received("Follow").getLast().json();
        sends("tenants-union", type, follow.toString());
    }

    String article(String id, String title, String content) {
        return """
                {"id": "%s/articles/%s", "type": "Article", "attributedTo": "%s", "name": "%s",
                 "summary": "Our call", "content": "%s", "contentMap": {"fr": "%s"},
                 "url": "%s/@tenants-union/%s", "published": "2026-11-30T10:00:00Z",
                 "to": ["https://www.w3.org/ns/activitystreams#Public"]}""".formatted(
                        remote.actor("tenants-union"),
                        id,
                        remote.actor("tenants-union"),
                        title,
                        content,
                        content,
                        remote.origin,
                        id);
    }

    @Test
    void an_owner_follows_an_account_by_its_handle_and_republishes_what_it_publishes_with_attribution()
            throws Exception {
        follow("@tenants-union@" + host).andExpect(status().is3xxRedirection());
        eventually("the account's server receives a signed Follow")
                .until(() -> remote.received("Follow").size() == 1);
        var sent = remote.received("Follow").get(0);
        assertThat(sent.path()).isEqualTo("/users/tenants-union/inbox");
        assertThat(sent.json().get("actor").asString()).isEqualTo("http://localhost/o/" + league.slug());
        assertThat(sent.json().get("object").asString()).isEqualTo(remote.actor("tenants-union"));
        assertThat(page().select("#followed li .tag").text()).isEqualTo("waiting for its answer");

        // posts of an account whose follow is not accepted yet are not kept
        sends("tenants-union", "Create", article("0", "Too early", "<p>Before the Accept.</p>"));
        answers("Accept");
        var followed = page();
        assertThat(followed.select("#followed li .tag").text()).isEqualTo("following");
        assertThat(followed.select("#followed li a").text()).isEqualTo("@tenants-union@" + host);

        sends(
                "tenants-union",
                "Create",
                article(
                        "1",
                        "Homes for all",
                        "<p>We call for <strong>homes</strong>.</p>"
                                + "<p><img src=\\\"https://tracker.example/pixel.png\\\" alt=\\\"\\\"></p>"));
        // a followers-only post, a reply to someone else, and a post of an account not followed are not kept
        mvc.perform(remote.post(
                        "tenants-union",
                        "/inbox",
                        """
                        {"@context": "https://www.w3.org/ns/activitystreams", "type": "Create",
                         "id": "%s/activities/private", "actor": "%s", "to": ["%s/followers"],
                         "object": {"id": "%s/notes/private", "type": "Note", "attributedTo": "%s",
                                    "content": "<p>Members only</p>", "to": ["%s/followers"]}}""".formatted(
                                        remote.actor("tenants-union"), remote.actor("tenants-union"),
                                        remote.actor("tenants-union"), remote.actor("tenants-union"),
                                        remote.actor("tenants-union"), remote.actor("tenants-union")),
                        clock.instant()))
                .andExpect(status().isAccepted());
        sends("tenants-union", "Create", """
                {"id": "%s/notes/reply", "type": "Note", "attributedTo": "%s", "inReplyTo": "https://elsewhere.example/1",
                 "content": "<p>A reply</p>", "to": ["https://www.w3.org/ns/activitystreams#Public"]}""".formatted(remote.actor("tenants-union"), remote.actor("tenants-union")));
        sends("bob", "Create", """
                {"id": "%s/notes/1", "type": "Note", "attributedTo": "%s",
                 "content": "<p>Not followed</p>", "to": ["https://www.w3.org/ns/activitystreams#Public"]}""".formatted(remote.actor("bob"), remote.actor("bob")));

        var feed = page();
        assertThat(feed.select("#posts h3").eachText()).containsExactly("Homes for all");
        assertThat(feed.select("#posts h3").attr("lang")).isEqualTo("fr");
        assertThat(feed.select("#posts .excerpt").text())
                .as("a remote image is named, not shown")
                .isEqualTo("We call for homes. [\uD83D\uDDBC]");
        assertThat(feed.select("#posts img"))
                .as("no remote image is ever loaded")
                .isEmpty();
        assertThat(feed.select("#posts a[href=" + remote.origin + "/@tenants-union/1]")
                        .text())
                .isEqualTo("Read the original");

        sends("tenants-union", "Update", article("1", "Homes for all, now", "<p>We call for homes, now.</p>"));
        assertThat(page().select("#posts h3").eachText()).containsExactly("Homes for all, now");

        var republished = mvc.perform(post("/o/" + league.slug() + "/manage/fediverse/allied/republish")
                        .with(user(owner))
                        .with(csrf())
                        .param("object", remote.actor("tenants-union") + "/articles/1"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var copy = Html.parse(
                mvc.perform(get(republished)).andExpect(status().isOk()).andReturn());
        assertThat(copy.select("h1").text()).isEqualTo("Homes for all, now");
        assertThat(copy.select("link[rel=canonical]").attr("href"))
                .as("the original stays the canonical address")
                .isEqualTo(remote.origin + "/@tenants-union/1");
        assertThat(copy.text()).contains("tenants-union").contains("We call for homes, now.");
        assertThat(copy.select("a[href=" + remote.origin + "/@tenants-union/1]"))
                .isNotEmpty();

        // a second click makes no second copy
        mvc.perform(post("/o/" + league.slug() + "/manage/fediverse/allied/republish")
                        .with(user(owner))
                        .with(csrf())
                        .param("object", remote.actor("tenants-union") + "/articles/1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(republished));
        assertThat(page().select("#posts .tag").text()).contains("Republished");

        sends("tenants-union", "Delete", "\"" + remote.actor("tenants-union") + "/articles/1\"");
        assertThat(page().select("#posts h3")).isEmpty();
    }

    @Test
    void events_show_their_time_place_and_cancellation_and_are_linked_not_copied() throws Exception {
        follow(remote.actor("tenants-union")).andExpect(status().is3xxRedirection());
        eventually("the Follow is sent").until(() -> remote.received("Follow").size() == 1);
        answers("Accept");
        var event = """
                {"id": "%s/events/1", "type": "Event", "attributedTo": "%s", "name": "Rent strike assembly",
                 "content": "<p>All welcome</p>", "startTime": "2026-12-12T18:00:00+01:00",
                 "location": {"type": "Place", "name": "Salle des fêtes",
                              "address": {"type": "PostalAddress", "addressLocality": "Lyon", "addressCountry": "France"}},
                 "ical:status": "%s", "to": ["https://www.w3.org/ns/activitystreams#Public"]}""";
        sends(
                "tenants-union",
                "Create",
                event.formatted(remote.actor("tenants-union"), remote.actor("tenants-union"), "CONFIRMED"));
        var shown = page();
        assertThat(shown.select("#posts article").text())
                .contains("Rent strike assembly")
                .contains("Event")
                .contains("December 12, 2026")
                .contains("5:00")
                .contains("Salle des fêtes, Lyon, France")
                .doesNotContain("Cancelled");
        assertThat(shown.select("#posts button"))
                .as("an event has no republish button")
                .isEmpty();

        sends(
                "tenants-union",
                "Update",
                event.formatted(remote.actor("tenants-union"), remote.actor("tenants-union"), "CANCELLED"));
        assertThat(page().select("#posts article .tag").eachText()).contains("Cancelled");
        mvc.perform(post("/o/" + league.slug() + "/manage/fediverse/allied/republish")
                        .with(user(owner))
                        .with(csrf())
                        .param("object", remote.actor("tenants-union") + "/events/1"))
                .andExpect(status().isConflict());
    }

    @Test
    void an_owner_unfollows_and_the_server_hears_an_undo_and_a_refused_follow_may_be_asked_again() throws Exception {
        follow("tenants-union@" + host).andExpect(status().is3xxRedirection());
        eventually("the Follow is sent").until(() -> remote.received("Follow").size() == 1);
        answers("Reject");
        assertThat(page().select("#followed li .tag").text()).isEqualTo("refused");

        follow("tenants-union@" + host).andExpect(status().is3xxRedirection());
        eventually("a second Follow is sent")
                .until(() -> remote.received("Follow").size() == 2);
        var first = remote.received("Follow").get(0).json().get("id").asString();
        var second = remote.received("Follow").get(1).json().get("id").asString();
        assertThat(second).as("a new follow has an id of its own").isNotEqualTo(first);
        answers("Accept");
        follow("tenants-union@" + host).andExpect(status().isConflict());
        sends("tenants-union", "Create", article("2", "Kept while followed", "<p>Text</p>"));
        assertThat(page().select("#posts h3").eachText()).containsExactly("Kept while followed");

        mvc.perform(post("/o/" + league.slug() + "/manage/fediverse/allied/unfollow")
                        .with(user(owner))
                        .with(csrf())
                        .param("actor", remote.actor("tenants-union")))
                .andExpect(status().is3xxRedirection());
        eventually("the server hears the Undo")
                .until(() -> remote.received("Undo").size() == 1);
        var undo = remote.received("Undo").get(0).json();
        assertThat(undo.get("object").get("id").asString()).isEqualTo(second);
        var after = page();
        assertThat(after.select("#followed li")).isEmpty();
        assertThat(after.select("#posts h3")).as("its posts are forgotten").isEmpty();
        mvc.perform(post("/o/" + league.slug() + "/manage/fediverse/allied/unfollow")
                        .with(user(owner))
                        .with(csrf())
                        .param("actor", remote.actor("tenants-union")))
                .andExpect(status().isConflict());
    }

    @Test
    void a_handle_nobody_answers_a_blocked_server_and_this_sites_own_organizations_are_refused_next_to_the_field()
            throws Exception {
        var unknown = Html.parse(follow("nobody@" + host)
                .andExpect(status().isUnprocessableContent())
                .andReturn());
        assertThat(unknown.select("#handle-error").text())
                .isEqualTo("No fediverse account answers at nobody@" + host
                        + ". Check the spelling, or paste the address of its page.");
        assertThat(unknown.select("#handle").val()).isEqualTo("nobody@" + host);
        assertThat(Html.parse(follow("not a handle").andReturn())
                        .select("#handle-error")
                        .text())
                .startsWith("No fediverse account answers at not a handle");
        assertThat(Html.parse(follow("")
                                .andExpect(status().isUnprocessableContent())
                                .andReturn())
                        .select("#handle-error")
                        .text())
                .isEqualTo("Type the address of the organization to follow.");
        assertThat(Html.parse(follow("@" + league.slug() + "@localhost")
                                .andExpect(status().isUnprocessableContent())
                                .andReturn())
                        .select("#handle-error")
                        .text())
                .contains("is an organization of this site");

        mvc.perform(post("/o/" + league.slug() + "/manage/fediverse/blocks")
                        .with(user(owner))
                        .with(csrf())
                        .param("domain", "127.0.0.1"))
                .andExpect(status().is3xxRedirection());
        var fetchesBefore = remote.fetches.size();
        assertThat(Html.parse(follow("tenants-union@" + host)
                                .andExpect(status().isUnprocessableContent())
                                .andReturn())
                        .select("#handle-error")
                        .text())
                .isEqualTo("The server 127.0.0.1 is blocked.");
        assertThat(remote.fetches).as("a blocked server is asked nothing").hasSize(fetchesBefore);

        var editor = fixtures.person("editor");
        fixtures.grant(league, editor, Role.EDITOR);
        mvc.perform(get("/o/" + league.slug() + "/manage/fediverse/allied").with(user(editor)))
                .andExpect(status().isForbidden());
    }
}

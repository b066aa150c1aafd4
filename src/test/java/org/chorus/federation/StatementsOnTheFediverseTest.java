package org.chorus.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.support.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;
import org.chorus.federation.activitystreams.RemoteActor;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.statements.ReviewingStatements;
import org.chorus.statements.Signatory;
import org.chorus.statements.Statement;
import org.chorus.statements.StatementDraft;
import org.chorus.statements.WritingStatements;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organization's followers on other servers hear of its statements: an Article in a Create when one is published
 * (its translations in contentMap, its topics as hashtags), an Update when it is corrected, a Delete when it is
 * retracted, each once, signed by the organization, at their server's shared inbox.
 */
@ChorusWebTest
class StatementsOnTheFediverseTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Followers followers;

    @Autowired
    WritingStatements writing;

    @Autowired
    ReviewingStatements reviewing;

    @Autowired
    ActorKeys keys;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    org.chorus.comments.ModeratingComments moderating;

    Organization league;
    Actor admin;
    RemoteServer remote;

    @BeforeEach
    void a_league_followed_by_two_people_on_one_server() throws Exception {
        league = fixtures.coalition();
        admin = fixtures.siteAdmin();
        remote = new RemoteServer("ana", "bob");
        for (var name : List.of("ana", "bob")) {
            var actor = RemoteActor.of(JsonMapper.shared().readTree(remote.document(name)));
            followers.follow(league.id(), actor, remote.origin + "/follows/" + name, true, clock.instant());
        }
    }

    @AfterEach
    void stop() {
        remote.close();
    }

    StatementDraft draft(String title, String body) {
        return new StatementDraft(
                "en",
                title,
                "What we ask for",
                body,
                null,
                "Nairobi",
                "climate-justice, energy",
                true,
                List.of(),
                List.of(new Signatory("Amina Njeri", "Chairperson", league.name())));
    }

    RemoteServer.Received awaitOne(String type) {
        eventually("a " + type + " reaches the shared inbox")
                .until(() -> !remote.received(type).isEmpty());
        var received = remote.received(type);
        assertThat(received)
                .as("one %s for the server, not one per follower", type)
                .hasSize(1);
        return received.get(0);
    }

    @Test
    void a_published_statement_is_created_corrected_and_deleted_on_its_followers_server() throws Exception {
        Statement statement = reviewing.approve(
                admin,
                writing.draft(admin, league.id(), draft("Water for all", "We ask for **water**."))
                        .id(),
                null);

        var create = awaitOne("Create");
        var pem = keys.of(league.id()).publicKeyPem();
        assertThat(create.path()).isEqualTo("/inbox");
        assertThat(create.verifiesWith(pem, clock.instant())).isTrue();
        var article = create.json().get("object");
        assertThat(article.get("type").asString()).isEqualTo("Article");
        assertThat(article.get("id").asString()).isEqualTo("http://localhost/s/" + statement.slug());
        assertThat(article.get("attributedTo").asString()).isEqualTo("http://localhost/o/" + league.slug());
        assertThat(article.get("name").asString()).isEqualTo("Water for all");
        assertThat(article.get("content").asString()).contains("<strong>water</strong>");
        assertThat(article.at("/contentMap/en").asString()).contains("<strong>water</strong>");
        assertThat(article.findValuesAsString("name")).contains("#climate_justice", "#energy");
        assertThat(create.json().at("/to/0").asString()).isEqualTo("https://www.w3.org/ns/activitystreams#Public");

        mvc.perform(get("/s/" + statement.slug()).accept("application/activity+json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("Article"))
                .andExpect(jsonPath("$.id").value("http://localhost/s/" + statement.slug()))
                .andExpect(jsonPath("$.name").value("Water for all"));
        mvc.perform(get("/s/" + statement.slug()).accept("text/html"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith("text/html"));

        writing.edit(admin, statement.id(), draft("Water for all", "We ask for **clean water**."), "A word added.");
        var update = awaitOne("Update");
        assertThat(update.json().at("/object/content").asString()).contains("clean water");
        assertThat(update.json().at("/object/updated").isMissingNode()).isFalse();

        reviewing.retract(admin, statement.id(), "Withdrawn by the league.");
        var delete = awaitOne("Delete");
        mvc.perform(get("/s/" + statement.slug()).accept("application/activity+json"))
                .andExpect(status().isNotFound());
        assertThat(delete.json().at("/object/id").asString()).isEqualTo("http://localhost/s/" + statement.slug());
        assertThat(delete.json().at("/object/type").asString()).isEqualTo("Tombstone");
        assertThat(remote.received("Create")).as("nothing sent twice").hasSize(1);
        assertThat(remote.received("Update")).hasSize(1);
    }

    @Test
    void likes_and_boosts_from_other_servers_are_counted_on_the_statement_page_once_each_until_undone()
            throws Exception {
        var statement = reviewing.approve(
                admin,
                writing.draft(admin, league.id(), draft("Homes for all", "We ask for homes."))
                        .id(),
                null);
        var address = "http://localhost/s/" + statement.slug();
        for (var name : List.of("ana", "bob")) {
            mvc.perform(remote.post(
                            name,
                            "/inbox",
                            activity("Like", name, "/likes/" + name, "\"" + address + "\""),
                            clock.instant()))
                    .andExpect(status().isAccepted());
        }
        mvc.perform(remote.post(
                        "ana",
                        "/inbox",
                        activity("Announce", "ana", "/boosts/1", "\"" + address + "\""),
                        clock.instant()))
                .andExpect(status().isAccepted());
        // another like by the same person counts once
        mvc.perform(remote.post(
                        "ana",
                        "/inbox",
                        activity("Like", "ana", "/likes/again", "\"" + address + "\""),
                        clock.instant()))
                .andExpect(status().isAccepted());
        mvc.perform(remote.post(
                        "ana",
                        "/inbox",
                        activity("Like", "ana", "/likes/elsewhere", "\"http://localhost/s/no-such-statement\""),
                        clock.instant()))
                .andExpect(status().isUnprocessableContent());

        assertThat(reactionsLine(statement)).isEqualTo("On the fediverse: 2 likes, 1 boost.");

        mvc.perform(remote.post(
                        "bob",
                        "/inbox",
                        activity("Undo", "bob", "/undo/1", "\"" + remote.origin + "/likes/bob\""),
                        clock.instant()))
                .andExpect(status().isAccepted());
        assertThat(reactionsLine(statement)).isEqualTo("On the fediverse: 1 like, 1 boost.");
    }

    String activity(String type, String actor, String id, String object) {
        return """
                {"@context": "https://www.w3.org/ns/activitystreams", "type": "%s", "id": "%s",
                 "actor": "%s", "object": %s}""".formatted(type, remote.origin + id, remote.actor(actor), object);
    }

    String reactionsLine(Statement statement) throws Exception {
        // signed in, so the page is rendered now rather than served from the page cache
        var page = mvc.perform(get("/s/" + statement.slug()).with(user(fixtures.admin())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Html.parse(page).select(".fediverse-reactions").text();
    }

    String note(String actor, String id, String inReplyTo, String to, String content) {
        return """
                {"@context": "https://www.w3.org/ns/activitystreams", "type": "Create", "id": "%1$s/activity",
                 "actor": "%2$s", "to": [%4$s], "cc": [],
                 "object": {"type": "Note", "id": "%1$s", "attributedTo": "%2$s", "inReplyTo": "%3$s",
                            "to": [%4$s], "published": "2026-12-01T10:00:00Z", "content": %5$s}}""".formatted(
                        remote.origin + id,
                        remote.actor(actor),
                        inReplyTo,
                        to,
                        JsonMapper.shared().writeValueAsString(content));
    }

    @Test
    void a_public_reply_from_another_server_waits_for_the_moderators_then_shows_and_its_deletion_takes_it_down()
            throws Exception {
        var statement = reviewing.approve(
                admin,
                writing.draft(admin, league.id(), draft("Parks for all", "We ask for parks."))
                        .id(),
                null);
        var address = "http://localhost/s/" + statement.slug();

        mvc.perform(remote.post(
                        "ana",
                        "/inbox",
                        note("ana", "/notes/1", address, "\"as:Public\"", "<p>Yes!<br>And trees.</p><p>— Ana</p>"),
                        clock.instant()))
                .andExpect(status().isAccepted());
        mvc.perform(remote.post(
                        "bob",
                        "/inbox",
                        note(
                                "bob",
                                "/notes/2",
                                address,
                                "\"http://localhost/o/" + league.slug() + "\"",
                                "<p>Private</p>"),
                        clock.instant()))
                .andExpect(status().isAccepted());

        var queue = moderating.queue(admin, league.id()).items();
        assertThat(queue).as("the direct message is never published").hasSize(1);
        var comment = queue.get(0).comment();
        assertThat(comment.authorName()).isEqualTo("@ana@" + remote.origin.substring("http://".length()));
        assertThat(comment.body()).isEqualTo("Yes!\nAnd trees.\n\n— Ana");
        assertThat(comment.remote()).isTrue();
        moderating.approve(admin, comment.id());
        assertThat(Html.parse(mvc.perform(get("/s/" + statement.slug() + "/comments")
                                        .with(user(fixtures.admin())))
                                .andReturn())
                        .select(".comment")
                        .text())
                .contains("And trees.")
                .contains("@ana@");

        mvc.perform(remote.post(
                        "ana",
                        "/inbox",
                        """
                        {"@context": "https://www.w3.org/ns/activitystreams", "type": "Delete", "id": "%s/deletes/1",
                         "actor": "%s", "object": {"id": "%s/notes/1", "type": "Tombstone"}}""".formatted(remote.origin, remote.actor("ana"), remote.origin),
                        clock.instant()))
                .andExpect(status().isAccepted());
        assertThat(Html.parse(mvc.perform(get("/s/" + statement.slug() + "/comments")
                                        .with(user(fixtures.admin())))
                                .andReturn())
                        .select(".comment")
                        .text())
                .doesNotContain("And trees.");
    }

    @Autowired
    org.chorus.statements.CoIssuing coIssuing;

    @Autowired
    org.chorus.statements.StatementFixtures statementFixtures;

    @Test
    void an_organization_that_co_issues_a_statement_announces_it_to_its_own_followers_and_undoes_that_on_retraction()
            throws Exception {
        var chapter = fixtures.coalition();
        try (var elsewhere = new RemoteServer("cara")) {
            var cara = RemoteActor.of(JsonMapper.shared().readTree(elsewhere.document("cara")));
            followers.follow(chapter.id(), cara, elsewhere.origin + "/follows/cara", true, clock.instant());
            var statement = statementFixtures.published(admin, league, "en", "Rivers for all", "We ask for rivers.");
            awaitOne("Create");
            assertThat(elsewhere.received)
                    .as("the chapter does not co-issue it yet")
                    .isEmpty();

            var request = coIssuing.request(admin, statement.id(), chapter.slug());
            coIssuing.accept(statementFixtures.ownerOf(chapter), request.id(), "Gladly.");
            eventually("the chapter's followers hear of it")
                    .until(() -> elsewhere.received("Announce").size() == 1);
            var announce = elsewhere.received("Announce").get(0);
            assertThat(announce.json().get("actor").asString()).isEqualTo("http://localhost/o/" + chapter.slug());
            assertThat(announce.json().get("object").asString()).isEqualTo("http://localhost/s/" + statement.slug());
            assertThat(announce.verifiesWith(keys.of(chapter.id()).publicKeyPem(), clock.instant()))
                    .as("signed by the chapter")
                    .isTrue();
            eventually("the league's followers hear the chapter co-issues it")
                    .until(() -> remote.received("Update").size() == 1);
            assertThat(remote.received("Update")
                            .get(0)
                            .json()
                            .at("/object/attributedTo")
                            .toString())
                    .contains("/o/" + chapter.slug());

            reviewing.retract(admin, statement.id(), "Withdrawn.");
            eventually("the chapter's Announce is undone")
                    .until(() -> elsewhere.received("Undo").size() == 1);
            assertThat(elsewhere.received("Undo").get(0).json().at("/object/id").asString())
                    .isEqualTo(announce.json().get("id").asString());
            awaitOne("Delete");
            assertThat(elsewhere.received("Announce")).as("once").hasSize(1);
        }
    }
}

package org.chorus.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.support.Eventually.eventually;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.chorus.federation.signing.RsaKeys;
import org.chorus.organizations.Organization;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * What another server sees of Chorus: an organization found by WebFinger and described as a Group at its page's
 * address, NodeInfo, and the inbox that takes a follow, accepts it with a signed Accept, acts on it once, forgets it
 * on Undo, and refuses what it cannot take with a clear 4xx.
 */
@ChorusWebTest
class ActivityPubEndpointsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Organization league;
    RemoteServer remote;

    @BeforeEach
    void a_league_and_a_server_with_a_person() throws Exception {
        league = fixtures.coalition();
        remote = new RemoteServer("ana");
    }

    @AfterEach
    void stop() {
        remote.close();
    }

    @Test
    void webfinger_finds_a_listed_organization_by_its_acct_address_and_nothing_else() throws Exception {
        mvc.perform(get("/.well-known/webfinger").param("resource", "acct:" + league.slug() + "@localhost"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/jrd+json"))
                .andExpect(jsonPath("$.subject").value("acct:" + league.slug() + "@localhost"))
                .andExpect(jsonPath("$.links[0].rel").value("self"))
                .andExpect(jsonPath("$.links[0].type").value("application/activity+json"))
                .andExpect(jsonPath("$.links[0].href").value("http://localhost/o/" + league.slug()));
        mvc.perform(get("/.well-known/webfinger").param("resource", "http://localhost/o/" + league.slug()))
                .andExpect(status().isOk());

        mvc.perform(get("/.well-known/webfinger")).andExpect(status().isBadRequest());
        mvc.perform(get("/.well-known/webfinger").param("resource", "acct:nobody-here@localhost"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/.well-known/webfinger").param("resource", "acct:" + league.slug() + "@elsewhere.example"))
                .andExpect(status().isNotFound());
    }

    @Test
    void nodeinfo_says_what_software_this_is_and_that_it_speaks_activitypub() throws Exception {
        var links = mvc.perform(get("/.well-known/nodeinfo"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.links[0].rel").value("http://nodeinfo.diaspora.software/ns/schema/2.1"))
                .andReturn();
        var href = JsonMapper.shared()
                .readTree(links.getResponse().getContentAsString())
                .at("/links/0/href")
                .asString();
        mvc.perform(get(URI.create(href).getPath()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("2.1"))
                .andExpect(jsonPath("$.software.name").value("chorus"))
                .andExpect(jsonPath("$.protocols[0]").value("activitypub"))
                .andExpect(jsonPath("$.usage.users.total").isNumber());
    }

    @Test
    void an_organizations_page_is_its_actor_when_asked_for_activitystreams_and_stays_a_page_for_browsers()
            throws Exception {
        // the page first, kept in the page cache for anonymous readers: the actor must not be served from it
        mvc.perform(get("/o/" + league.slug()).accept("text/html"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"));

        var actor = mvc.perform(get("/o/" + league.slug()).accept("application/activity+json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/activity+json"))
                .andExpect(jsonPath("$.type").value("Group"))
                .andExpect(jsonPath("$.id").value("http://localhost/o/" + league.slug()))
                .andExpect(jsonPath("$.preferredUsername").value(league.slug()))
                .andExpect(jsonPath("$.name").value(league.name()))
                .andExpect(jsonPath("$.inbox").value("http://localhost/o/" + league.slug() + "/inbox"))
                .andExpect(jsonPath("$.endpoints.sharedInbox").value("http://localhost/inbox"))
                .andExpect(jsonPath("$.publicKey.id").value("http://localhost/o/" + league.slug() + "#main-key"))
                .andExpect(jsonPath("$.publicKey.owner").value("http://localhost/o/" + league.slug()))
                .andReturn();
        var pem = JsonMapper.shared()
                .readTree(actor.getResponse().getContentAsString())
                .at("/publicKey/publicKeyPem")
                .asString();
        assertThat(RsaKeys.publicKey(pem).getAlgorithm()).isEqualTo("RSA");

        mvc.perform(get("/o/" + league.slug())
                        .accept("application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("Group"));
        mvc.perform(get("/o/" + league.slug()).accept("text/html,application/xhtml+xml,*/*;q=0.8"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(header().string("Vary", containsString("Accept,")));
        mvc.perform(get("/o/no-such-organization").accept("application/activity+json"))
                .andExpect(status().isNotFound());
    }

    @Test
    void the_sites_own_actor_publishes_the_key_it_signs_requests_for_documents_with() throws Exception {
        mvc.perform(get("/actor"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/activity+json"))
                .andExpect(jsonPath("$.type").value("Application"))
                .andExpect(jsonPath("$.id").value("http://localhost/actor"))
                .andExpect(jsonPath("$.publicKey.id").value("http://localhost/actor#main-key"))
                .andExpect(jsonPath("$.inbox").value("http://localhost/inbox"));
    }

    ResultActions postToInbox(String path, String body, Map<String, String> headers) throws Exception {
        var request = post(path).content(body.getBytes(StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return mvc.perform(request);
    }

    ResultActions signedPost(String path, String body) throws Exception {
        return mvc.perform(remote.post("ana", path, body, clock.instant()));
    }

    String follow(String id) {
        return """
                {"@context": "https://www.w3.org/ns/activitystreams", "type": "Follow", "id": "%s",
                 "actor": "%s", "object": "http://localhost/o/%s"}""".formatted(remote.origin + id, remote.actor("ana"), league.slug());
    }

    long followers() {
        return jdbc.sql("select count(*) from federation_followers where organization_id = :o and state = 'accepted'")
                .param("o", league.id().value())
                .query(Long.class)
                .single();
    }

    @Test
    void a_follow_is_accepted_with_a_signed_accept_taken_once_and_ended_by_undo() throws Exception {
        var inbox = "/o/" + league.slug() + "/inbox";
        signedPost(inbox, follow("/follows/1")).andExpect(status().isAccepted());
        signedPost(inbox, follow("/follows/1")).andExpect(status().isAccepted());

        assertThat(followers()).isEqualTo(1);
        eventually("the Accept reaches the follower's inbox")
                .until(() -> !remote.received("Accept").isEmpty());
        var accept = remote.received("Accept").get(0);
        assertThat(accept.path()).isEqualTo("/users/ana/inbox");
        assertThat(accept.json().at("/object/id").asString()).isEqualTo(remote.origin + "/follows/1");
        assertThat(accept.json().at("/actor").asString()).isEqualTo("http://localhost/o/" + league.slug());
        var actor = JsonMapper.shared()
                .readTree(mvc.perform(get("/o/" + league.slug()).accept("application/activity+json"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(accept.verifiesWith(actor.at("/publicKey/publicKeyPem").asString(), clock.instant()))
                .as("signed with the key the actor publishes")
                .isTrue();
        mvc.perform(get("/o/" + league.slug() + "/followers"))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.orderedItems").doesNotExist());

        signedPost("/inbox", """
                        {"@context": "https://www.w3.org/ns/activitystreams", "type": "Undo", "id": "%s/undo/1",
                         "actor": "%s", "object": %s}""".formatted(remote.origin, remote.actor("ana"), follow("/follows/1")))
                .andExpect(status().isAccepted());
        assertThat(followers()).isZero();
        assertThat(remote.received("Accept")).as("one Accept, for one follow").hasSize(1);
    }

    @Test
    void an_inbox_refuses_what_it_cannot_take_with_a_clear_4xx() throws Exception {
        var inbox = "/o/" + league.slug() + "/inbox";
        postToInbox(inbox, follow("/follows/2"), Map.of("Content-Type", "text/plain"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(containsString("application/activity+json")));
        postToInbox(
                        inbox,
                        "{\"type\": \"Follow\", \"padding\": \"" + "x".repeat(300_000) + "\"}",
                        Map.of("Content-Type", "application/activity+json"))
                .andExpect(status().isPayloadTooLarge());
        postToInbox(inbox, "{not json", Map.of("Content-Type", "application/activity+json"))
                .andExpect(status().isBadRequest());
        postToInbox(
                        inbox,
                        "{\"type\": \"Follow\", \"name\": \"a\\u0000b\"}",
                        Map.of("Content-Type", "application/activity+json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("NUL")));
        postToInbox(inbox, follow("/follows/3"), Map.of("Content-Type", "application/activity+json"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("not signed")));
        signedPost(inbox, """
                        {"@context": "https://www.w3.org/ns/activitystreams", "type": "Move", "id": "%s/moves/1",
                         "actor": "%s", "object": "%s"}""".formatted(remote.origin, remote.actor("ana"), remote.actor("ana")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("Move")));
        signedPost("/o/no-such-organization/inbox", follow("/follows/4")).andExpect(status().isNotFound());
        signedPost("/inbox", """
                        {"@context": "https://www.w3.org/ns/activitystreams", "type": "Follow", "id": "%s/follows/5",
                         "actor": "%s", "object": "http://localhost/o/no-such-organization"}""".formatted(remote.origin, remote.actor("ana"))).andExpect(status().isNotFound());
        assertThat(followers()).isZero();
    }

    @Test
    void the_deletion_of_an_account_never_met_is_taken_without_fetching_its_key() throws Exception {
        postToInbox("/inbox", """
                        {"@context": "https://www.w3.org/ns/activitystreams", "type": "Delete",
                         "id": "https://gone.example/users/zed#delete", "actor": "https://gone.example/users/zed",
                         "object": "https://gone.example/users/zed"}""", Map.of("Content-Type", "application/activity+json"))
                .andExpect(status().isAccepted());
    }

    @Autowired
    org.chorus.statements.StatementFixtures statements;

    @Autowired
    org.chorus.actions.ActionFixtures actions;

    @Test
    void the_outbox_lists_the_latest_statements_and_campaigns_as_the_activities_that_published_them() throws Exception {
        var admin = fixtures.siteAdmin();
        var statement = statements.published(admin, league, "en", "Air for all", "We ask for air.");
        var campaign = actions.campaign(admin, league);
        var outbox = JsonMapper.shared()
                .readTree(mvc.perform(get("/o/" + league.slug() + "/outbox").accept("application/activity+json"))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.type").value("OrderedCollection"))
                        .andExpect(jsonPath("$.totalItems").value(2))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        var items = outbox.get("orderedItems");
        assertThat(items.get(0).at("/object/id").asString())
                .as("the campaign, published last, first")
                .isEqualTo("http://localhost/c/" + campaign);
        assertThat(items.get(0).at("/object/type").asString()).isEqualTo("OrderedCollection");
        assertThat(items.get(0).get("type").asString()).isEqualTo("Create");
        assertThat(items.get(1).at("/object/id").asString()).isEqualTo("http://localhost/s/" + statement.slug());
        assertThat(items.get(1).at("/object/type").asString()).isEqualTo("Article");
    }
}

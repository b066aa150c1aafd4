package org.chorus.federation.activitystreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Real payloads of Mastodon, Mobilizon, Gancio and PeerTube (../shared/fixtures/activitypub) are read as their servers
 * meant them: types one or many, references as ids or objects, the public audience in each of its spellings; actors
 * are kept only with an inbox and a key of their own, and bodies that are not ActivityStreams objects are refused.
 */
public class ActivitiesTest {

    static final Path FIXTURES =
            Path.of(System.getProperty("chorus.shared-fixtures", "../shared/fixtures"), "activitypub");

    public static JsonNode fixture(String name) throws Exception {
        var bytes = Files.readAllBytes(FIXTURES.resolve(name));
        if (name.endsWith(".txt")) {
            // a raw HTTP response: the body follows the first blank line
            var text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
            bytes = text.substring(text.indexOf("\n\n") + 2).getBytes(StandardCharsets.UTF_8);
        }
        return Activities.read(bytes);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mobilizon/gancio-actor.json",
                "mobilizon/gancio-event-activity.json",
                "mobilizon/mastodon-accept-activity.json",
                "mobilizon/mastodon-actor.json",
                "mobilizon/mastodon-announce.json",
                "mobilizon/mastodon-delete.json",
                "mobilizon/mastodon-follow-activity.json",
                "mobilizon/mastodon-post-activity.json",
                "mobilizon/mastodon-update.json",
                "mobilizon/mobilizon-join-activity.json",
                "mobilizon/mobilizon-leave-activity.json",
                "mobilizon/mobilizon-post-activity-media.json",
                "mobilizon/mobilizon-post-activity.json",
                "mobilizon/peertube-video.json",
                "mastodon/activitypub-actor.txt",
                "mastodon/activitypub-actor-individual.txt",
                "mastodon/activitypub-actor-noinbox.txt"
            })
    void every_payload_of_the_peers_is_read_with_its_type_and_id(String name) throws Exception {
        var node = fixture(name);
        assertThat(Activities.types(node)).isNotEmpty();
        assertThat(Activities.id(node)).isPresent();
    }

    @Test
    void references_are_read_as_ids_or_objects_and_the_object_of_an_activity_whole_or_not() throws Exception {
        var follow = fixture("mobilizon/mastodon-follow-activity.json");
        assertThat(Activities.hasType(follow, "Follow")).isTrue();
        assertThat(Activities.ids(follow.get("actor"))).containsExactly("https://social.tcit.fr/users/tcit");
        assertThat(Activities.ids(follow.get("object"))).containsExactly("http://localtesting.pleroma.lol/users/lain");
        assertThat(Activities.object(follow)).isEmpty();

        var accept = fixture("mobilizon/mastodon-accept-activity.json");
        assertThat(Activities.object(accept))
                .hasValueSatisfying(
                        o -> assertThat(Activities.hasType(o, "Follow")).isTrue());

        var individual = fixture("mastodon/activitypub-actor-individual.txt");
        assertThat(Activities.types(individual)).contains("Person").hasSizeGreaterThan(1);
    }

    @Test
    void the_public_audience_is_read_in_each_of_its_spellings_and_a_direct_message_is_not_public() throws Exception {
        assertThat(Activities.isPublic(fixture("mobilizon/mastodon-post-activity.json")))
                .isTrue();
        assertThat(Activities.isPublic(fixture("mobilizon/gancio-event-activity.json")))
                .isTrue();
        assertThat(Activities.isPublic(fixture("mobilizon/mastodon-follow-activity.json")))
                .isFalse();
        for (var spelling : new String[] {
            "\"as:Public\"",
            "\"Public\"",
            "[\"https://www.w3.org/ns/activitystreams#Public\"]",
            "{\"id\": \"https://www.w3.org/ns/activitystreams#Public\", \"type\": \"Collection\"}"
        }) {
            var note = Activities.read(("{\"type\": \"Create\", \"id\": \"https://a.example/1\", \"cc\": " + spelling
                            + ", \"object\": {\"type\": \"Note\", \"id\": \"https://a.example/n/1\"}}")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(Activities.isPublic(note)).as(spelling).isTrue();
        }
        var direct = Activities.read(("{\"type\": \"Create\", \"id\": \"https://a.example/2\", \"to\": "
                        + "[\"https://b.example/users/ana\"], \"object\": {\"type\": \"Note\", \"to\": "
                        + "\"https://b.example/users/ana\"}}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(Activities.isPublic(direct)).isFalse();
        assertThat(Activities.audience(direct)).containsExactly("https://b.example/users/ana");
    }

    @Test
    void an_actor_is_kept_with_its_inbox_shared_inbox_and_key_and_one_without_an_inbox_is_refused() throws Exception {
        var actor = RemoteActor.of(fixture("mastodon/activitypub-actor.txt"));
        assertThat(actor.inbox()).endsWith("/inbox");
        assertThat(actor.keyId()).startsWith(actor.id());
        assertThat(actor.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(actor.deliverTo()).isEqualTo(actor.sharedInbox() != null ? actor.sharedInbox() : actor.inbox());

        var group = RemoteActor.of(fixture("mobilizon/mastodon-actor.json"));
        assertThat(group.types()).contains("Person");

        assertThatThrownBy(() -> RemoteActor.of(fixture("mastodon/activitypub-actor-noinbox.txt")))
                .isInstanceOf(Activities.Unreadable.class)
                .hasMessageContaining("no inbox");
    }

    @Test
    void an_actor_whose_key_or_inbox_is_another_servers_is_refused() {
        var borrowedKey = """
                {"type": "Person", "id": "https://a.example/users/ana", "inbox": "https://a.example/users/ana/inbox",
                 "publicKey": {"id": "https://b.example/users/bob#main-key", "owner": "https://b.example/users/bob",
                               "publicKeyPem": "-----BEGIN PUBLIC KEY-----"}}""";
        var elsewhere = """
                {"type": "Person", "id": "https://a.example/users/ana", "inbox": "https://victim.example/inbox",
                 "publicKey": {"id": "https://a.example/users/ana#main-key", "owner": "https://a.example/users/ana",
                               "publicKeyPem": "-----BEGIN PUBLIC KEY-----"}}""";
        for (var json : new String[] {borrowedKey, elsewhere}) {
            assertThatThrownBy(() -> RemoteActor.of(Activities.read(json.getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(Activities.Unreadable.class);
        }
    }

    @Test
    void bodies_that_are_not_activitystreams_objects_are_refused_with_a_reason() {
        // an object with a type whose value nests deeper than 32 levels: refused while parsing
        var deep = "{\"type\": \"Note\", \"a\": " + "[".repeat(100) + "]".repeat(100) + "}";
        for (var body : new String[] {
            "", "not json", "[]", "\"text\"", "{\"id\": \"https://a.example/1\"}", deep, "{\"type\": \"Note\"",
        }) {
            assertThatThrownBy(() -> Activities.read(body.getBytes(StandardCharsets.UTF_8)))
                    .as(body.length() > 20 ? body.substring(0, 20) : body)
                    .isInstanceOf(Activities.Unreadable.class);
        }
        assertThatThrownBy(() -> Activities.read(new byte[Activities.MAX_BYTES + 1]))
                .isInstanceOf(Activities.Unreadable.class)
                .hasMessageContaining("larger than");
        assertThat(Activities.sameOrigin("https://a.example/x", "https://A.example:443/y"))
                .isTrue();
        assertThat(Activities.sameOrigin("https://a.example/x", "http://a.example/x"))
                .isFalse();
        assertThat(Activities.sameOrigin("https://a.example/x", "https://a.example.evil/x"))
                .isFalse();
    }
}

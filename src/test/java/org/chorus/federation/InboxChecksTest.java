package org.chorus.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.chorus.federation.signing.HttpSignatures;
import org.chorus.federation.signing.RsaKeys;
import org.chorus.support.ChorusModuleTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An inbox reads an activity only when its signature is recent, covers its body, is made with its actor's own key
 * (fetched from the actor's server, kept, and asked for again once when it fails: keys rotate), and the activity's id
 * is on its actor's server; each refusal says why, with 400, 401 or 403. A server on loopback stands for the actors'.
 */
@ChorusModuleTest
class InboxChecksTest {

    static final URI INBOX = URI.create("http://localhost/o/climate-league/inbox");

    @Autowired
    InboxChecks checks;

    @Autowired
    Clock clock;

    RemoteServer remote;
    String origin;
    Map<String, KeyPair> keys;
    Map<String, AtomicInteger> fetched;

    @BeforeEach
    void a_server_with_two_actors() throws Exception {
        remote = new RemoteServer("ana", "bob");
        origin = remote.origin;
        keys = remote.keys;
        fetched = remote.fetched;
    }

    @AfterEach
    void stop() {
        remote.close();
    }

    String follow(String actor, String id) {
        return """
                {"@context": "https://www.w3.org/ns/activitystreams", "type": "Follow", "id": "%s",
                 "actor": "%s/users/%s", "object": "http://localhost/o/climate-league"}""".formatted(id, origin, actor);
    }

    /** The request as the inbox receives it, signed by {@code signer}'s current key at {@code at}. */
    HttpSignatures.Request signed(String signer, String body, java.time.Instant at, Map<String, String> change) {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        var headers = new HashMap<>(remote.signed(signer, INBOX, bytes, at));
        headers.putAll(change);
        headers.values().removeIf(String::isEmpty);
        return new HttpSignatures.Request("POST", INBOX.getRawPath(), headers, bytes);
    }

    HttpSignatures.Request signed(String signer, String body) {
        return signed(signer, body, clock.instant(), Map.of());
    }

    void refused(HttpSignatures.Request request, int status, String because) {
        assertThatThrownBy(() -> checks.check(request))
                .as(because)
                .isInstanceOfSatisfying(InboxChecks.Refused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(status);
                    assertThat(refused.getMessage()).contains(because);
                });
    }

    @Test
    void a_follow_signed_by_its_actor_is_read_and_the_actor_kept_for_the_next_one() {
        var verified = checks.check(signed("ana", follow("ana", origin + "/follows/1")));

        assertThat(verified.actor().id()).isEqualTo(origin + "/users/ana");
        assertThat(verified.actor().deliverTo()).isEqualTo(origin + "/inbox");
        assertThat(verified.activity().get("type").asString()).isEqualTo("Follow");

        checks.check(signed("ana", follow("ana", origin + "/follows/2")));
        assertThat(fetched.get("ana")).as("fetched once, then kept").hasValue(1);
    }

    @Test
    void each_way_an_activity_can_be_wrong_is_refused_with_its_status_and_reason() {
        var body = follow("ana", origin + "/follows/3");
        refused(signed("ana", body, clock.instant(), Map.of("Signature", "")), 401, "not signed");
        refused(
                new HttpSignatures.Request("POST", INBOX.getRawPath(), Map.of(), "{\"no\": \"type\"}".getBytes()),
                400,
                "not an ActivityStreams object");
        refused(signed("ana", body, clock.instant().minus(Duration.ofHours(13)), Map.of()), 401, "12 hours");
        var tampered = signed("ana", body);
        refused(
                new HttpSignatures.Request(
                        "POST",
                        INBOX.getRawPath(),
                        tampered.headers(),
                        body.replace("Follow", "Block").getBytes()),
                401,
                "digest");
        refused(signed("bob", body), 403, "not the activity's actor's");
        refused(signed("ana", follow("ana", "https://elsewhere.example/follows/4")), 403, "another server");
        keys.put("carol", RsaKeys.generate());
        var carols = signed("carol", follow("carol", origin + "/follows/5"));
        keys.remove("carol");
        refused(carols, 401, "cannot be found");
    }

    @Test
    void a_rotated_key_is_asked_for_again_once_and_then_verifies() {
        checks.check(signed("ana", follow("ana", origin + "/follows/6")));
        assertThat(fetched.get("ana")).hasValue(1);

        keys.put("ana", RsaKeys.generate());
        var verified = checks.check(signed("ana", follow("ana", origin + "/follows/7")));

        assertThat(verified.actor().id()).isEqualTo(origin + "/users/ana");
        assertThat(fetched.get("ana"))
                .as("asked again after the kept key failed")
                .hasValue(2);
    }
}

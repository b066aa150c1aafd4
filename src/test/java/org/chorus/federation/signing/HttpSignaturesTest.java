package org.chorus.federation.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.chorus.federation.signing.HttpSignatures.Refusal;
import org.chorus.federation.signing.HttpSignatures.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests are signed and checked as the fediverse does (draft-cavage-http-signatures-12, rsa-sha256 with a Digest):
 * the draft's own test values verify, what Chorus signs verifies, and each way a signature can be wrong is refused
 * with its reason.
 */
class HttpSignaturesTest {

    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    static final URI INBOX = URI.create("https://remote.example/o/climate-league/inbox");
    static final byte[] FOLLOW =
            "{\"type\":\"Follow\",\"actor\":\"https://chorus.example/o/x\"}".getBytes(StandardCharsets.UTF_8);

    static KeyPair keys;
    static KeyPair other;

    @BeforeAll
    static void keys() {
        keys = RsaKeys.generate();
        other = RsaKeys.generate();
    }

    static String resource(String name) throws Exception {
        try (var in = HttpSignaturesTest.class.getResourceAsStream("/federation/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** The POST Chorus would send, as the remote server receives it, with headers changed by {@code change}. */
    static Request received(byte[] body, Map<String, String> change) {
        var headers = new HashMap<>(HttpSignatures.sign(
                "POST",
                INBOX,
                body,
                "application/activity+json",
                "https://chorus.example/o/x#main-key",
                keys.getPrivate(),
                NOW));
        headers.put("Content-Type", "application/activity+json");
        headers.putAll(change);
        headers.values().removeIf(String::isEmpty);
        return new Request("POST", INBOX.getRawPath(), headers, body);
    }

    static void check(Request request, java.security.PublicKey key, Instant at) {
        HttpSignatures.verify(request, HttpSignatures.parse(request), key, at);
    }

    @Test
    void the_drafts_basic_test_values_verify_and_chorus_signs_them_the_same() throws Exception {
        var key = RsaKeys.publicKey(resource("draft-cavage-test-key.pub.pem"));
        var request = new Request(
                "POST",
                "/foo?param=value&pet=dog",
                Map.of(
                        "Host", "example.com",
                        "Date", "Sun, 05 Jan 2014 21:31:40 GMT",
                        "Signature",
                                "keyId=\"Test\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date\","
                                        + "signature=\"qdx+H7PHHDZgy4y/Ahn9Tny9V3GP6YgBPyUXMmoxWtLbHpUnXS2mg2+SbrQDMCJypxBLSPQR2a"
                                        + "Ajn7ndmw2iicw3HMbe8VfEdKFYRqzic+efkb3nndiv/x1xSHDJWeSWkx3ButlYSuBskLu6kd9Fswtemr3lgd"
                                        + "DEmn04swr2Os0=\""),
                null);
        var parsed = HttpSignatures.parse(request);
        assertThat(parsed.keyId()).isEqualTo("Test");
        assertThat(parsed.headers()).containsExactly("(request-target)", "host", "date");

        assertThatCode(() -> HttpSignatures.verify(request, parsed, key, Instant.parse("2014-01-05T21:31:40Z")))
                .doesNotThrowAnyException();
        assertThat(HttpSignatures.digest("{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8)))
                .as("the draft's Digest")
                .isEqualTo("SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=");
    }

    @Test
    void what_chorus_signs_names_its_key_covers_the_body_and_verifies_for_a_post_and_a_get() {
        var signed = HttpSignatures.sign(
                "POST",
                INBOX,
                FOLLOW,
                "application/activity+json",
                "https://chorus.example/o/x#main-key",
                keys.getPrivate(),
                NOW);
        assertThat(signed)
                .containsEntry("Host", "remote.example")
                .containsEntry("Date", "Thu, 03 Dec 2026 12:00:00 GMT");
        assertThat(signed.get("Signature"))
                .startsWith("keyId=\"https://chorus.example/o/x#main-key\",algorithm=\"rsa-sha256\","
                        + "headers=\"(request-target) host date digest content-type\",signature=\"");
        assertThatCode(() -> check(received(FOLLOW, Map.of()), keys.getPublic(), NOW.plusSeconds(30)))
                .doesNotThrowAnyException();

        var actor = URI.create("https://remote.example:8443/users/ana?x=1");
        var get = HttpSignatures.sign("GET", actor, null, null, "k", keys.getPrivate(), NOW);
        assertThat(get).containsEntry("Host", "remote.example:8443").doesNotContainKey("Digest");
        assertThatCode(() -> check(new Request("GET", "/users/ana?x=1", get, null), keys.getPublic(), NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void each_way_a_signature_can_be_wrong_is_refused_with_its_reason() {
        var tampered = FOLLOW.clone();
        tampered[2] = 'T';
        var cases = Map.of(
                Refusal.UNSIGNED, received(FOLLOW, Map.of("Signature", "")),
                Refusal.MALFORMED, received(FOLLOW, Map.of("Signature", "keyId=\"k\",signature=not quoted")),
                Refusal.ALGORITHM,
                        received(
                                FOLLOW,
                                Map.of(
                                        "Signature",
                                        "keyId=\"k\",algorithm=\"hmac-sha256\",headers="
                                                + "\"(request-target) host date digest\",signature=\"AAAA\"")),
                Refusal.TOO_LITTLE_SIGNED,
                        received(
                                FOLLOW,
                                Map.of(
                                        "Signature",
                                        "keyId=\"k\",algorithm=\"rsa-sha256\",headers=\"date\","
                                                + "signature=\"AAAA\"")),
                Refusal.MISSING_HEADER, received(FOLLOW, Map.of("Digest", "")),
                Refusal.DIGEST,
                        new Request(
                                "POST",
                                INBOX.getRawPath(),
                                received(FOLLOW, Map.of()).headers(),
                                tampered),
                Refusal.INVALID, received(FOLLOW, Map.of("Host", "elsewhere.example")));
        cases.forEach((reason, request) -> assertThatThrownBy(() -> check(request, keys.getPublic(), NOW))
                .as(reason.name())
                .isInstanceOfSatisfying(
                        HttpSignatures.Refused.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(reason)));

        assertThatThrownBy(() -> check(received(FOLLOW, Map.of()), other.getPublic(), NOW))
                .as("another key")
                .isInstanceOfSatisfying(
                        HttpSignatures.Refused.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(Refusal.INVALID));
        for (var at : new Instant[] {NOW.plus(Duration.ofHours(13)), NOW.minus(Duration.ofHours(13))}) {
            assertThatThrownBy(() -> check(received(FOLLOW, Map.of()), keys.getPublic(), at))
                    .as("stale at " + at)
                    .isInstanceOfSatisfying(
                            HttpSignatures.Refused.class,
                            refused -> assertThat(refused.refusal()).isEqualTo(Refusal.STALE));
        }
    }

    @Test
    void keys_are_read_from_pem_and_small_or_foreign_ones_are_refused() throws Exception {
        var pem = RsaKeys.publicPem(keys.getPublic());
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(RsaKeys.publicKey(pem)).isEqualTo(keys.getPublic());
        assertThat(RsaKeys.privateKey(RsaKeys.privateBytes(keys.getPrivate()))).isEqualTo(keys.getPrivate());
        assertThat(RsaKeys.privateKey(resource("draft-cavage-test-key.pem")).getAlgorithm())
                .isEqualTo("RSA");

        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(512);
        var small = RsaKeys.publicPem(generator.generateKeyPair().getPublic());
        var ec = java.security.KeyPairGenerator.getInstance("EC")
                .generateKeyPair()
                .getPublic();
        for (var wrong : new String[] {small, RsaKeys.publicPem(ec), "not a key", "-----BEGIN PUBLIC KEY-----\n!!"}) {
            assertThatThrownBy(() -> RsaKeys.publicKey(wrong)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

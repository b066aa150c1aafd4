package org.chorus.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chorus.support.Eventually.eventually;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chorus.federation.signing.HttpSignatures;
import org.chorus.federation.signing.RsaKeys;
import org.chorus.shared.outbound.OutboundQueue;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organization's deliveries are signed with its own key, made once and sealed at rest, named as its actor publishes
 * it; a server that checks them as Mastodon does accepts them.
 */
@ChorusModuleTest
class FederationSigningTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    OutboundQueue queue;

    @Autowired
    ActorKeys keys;

    @Autowired
    FederationSigner signer;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void a_delivery_of_an_organization_is_signed_with_its_own_key_and_a_server_checking_as_mastodon_accepts_it()
            throws Exception {
        var organization = fixtures.coalition();
        var published = RsaKeys.publicKey(keys.of(organization.id()).publicKeyPem());
        var checked = new CopyOnWriteArrayList<String>();
        var inbox = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        inbox.createContext("/inbox", exchange -> {
            var headers = new HashMap<String, String>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
            var request = new HttpSignatures.Request(
                    "POST",
                    exchange.getRequestURI().getRawPath(),
                    headers,
                    exchange.getRequestBody().readAllBytes());
            try {
                var parsed = HttpSignatures.parse(request);
                HttpSignatures.verify(request, parsed, published, clock.instant());
                checked.add(parsed.keyId());
                exchange.sendResponseHeaders(202, -1);
            } catch (HttpSignatures.Refused refused) {
                checked.add(refused.refusal().name());
                exchange.sendResponseHeaders(401, -1);
            }
            exchange.close();
        });
        inbox.start();
        try {
            var key = "test:" + UUID.randomUUID();
            transactions.executeWithoutResult(s -> queue.enqueue(List.of(new OutboundQueue.NewDelivery(
                    FederationSigner.CHANNEL,
                    organization.id().value().toString(),
                    key,
                    URI.create("http://127.0.0.1:" + inbox.getAddress().getPort() + "/inbox"),
                    "application/activity+json",
                    "{\"type\":\"Create\"}".getBytes(StandardCharsets.UTF_8)))));

            eventually("the inbox got it").until(() -> !checked.isEmpty());
            assertThat(checked).containsExactly(signer.keyId(organization.slug()));
            assertThat(signer.keyId(organization.slug())).endsWith("/o/" + organization.slug() + "#main-key");
            eventually("it is marked delivered")
                    .until(() -> "delivered"
                            .equals(jdbc.sql("select status from outbound_deliveries where idempotency_key = :k")
                                    .param("k", key)
                                    .query(String.class)
                                    .single()));
        } finally {
            inbox.stop(0);
        }
    }

    @Test
    void an_organizations_key_is_made_once_and_its_private_half_is_sealed_at_rest() {
        var organization = fixtures.coalition();

        var first = keys.of(organization.id());
        var again = keys.of(organization.id());

        assertThat(again.publicKeyPem()).isEqualTo(first.publicKeyPem());
        assertThat(again.privateKey()).isEqualTo(first.privateKey());
        var stored = jdbc.sql("select private_key from federation_keys where organization_id = :o")
                .param("o", organization.id().value())
                .query(byte[].class)
                .single();
        assertThatThrownBy(() -> RsaKeys.privateKey(stored))
                .as("what the table holds is not the key")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain(java.util.Base64.getEncoder()
                        .encodeToString(first.privateKey().getEncoded())
                        .substring(0, 40));
    }
}

package org.chorus.webhooks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.chorus.shared.outbound.OutboundSigner;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs webhook deliveries ({@value #CHANNEL} in the outbound queue) as Standard Webhooks asks: {@code webhook-id} (the
 * message's own id, from its body, the same on every try), {@code webhook-timestamp} (seconds, of this try) and
 * {@code webhook-signature}: {@code v1,} and the base64 HMAC-SHA256, with the endpoint's secret, of
 * {@code id.timestamp.body}. A receiver checks it with any Standard Webhooks library.
 */
@Component
class WebhookSigner implements OutboundSigner {

    static final String CHANNEL = "webhooks";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookEndpoints endpoints;
    private final Clock clock;

    WebhookSigner(WebhookEndpoints endpoints, Clock clock) {
        this.endpoints = endpoints;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Map<String, String> headers(String sender, URI target, byte[] body, String contentType) {
        var secret = endpoints
                .secret(UUID.fromString(sender))
                .orElseThrow(() -> new IllegalStateException("the endpoint " + sender + " was removed"));
        var id = JSON.readTree(body).path("id").asString("");
        var timestamp = Long.toString(clock.instant().getEpochSecond());
        return Map.of(
                "webhook-id", id,
                "webhook-timestamp", timestamp,
                "webhook-signature",
                        "v1," + sign(secret, id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8)));
    }

    /** The base64 HMAC-SHA256 of {@code content} with a {@code whsec_} secret. */
    static String sign(String secret, String content) {
        try {
            var key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

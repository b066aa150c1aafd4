package org.chorus.shared.http;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of requests Chorus makes to addresses that come from outside (remote servers of the fediverse, webhooks),
 * bound from {@code chorus.outbound.*} ({@code CHORUS_OUTBOUND_*}).
 *
 * @param allowedNetworks networks reachable although not public, in CIDR notation (e.g. {@code 127.0.0.0/8} for tests
 *     on loopback); none by default, and plain http is allowed to them only — everywhere else https
 * @param connectTimeout longest wait for a connection
 * @param readTimeout longest wait between two reads of an answer
 * @param deadline longest time for a whole request, redirects included
 * @param maxBytes largest answer read; a longer one is refused
 * @param maxRedirects redirects followed for a GET (a POST follows none)
 */
@ConfigurationProperties("chorus.outbound")
public record OutboundSettings(
        @DefaultValue List<String> allowedNetworks,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("30s") Duration deadline,
        @DefaultValue("1048576") int maxBytes,
        @DefaultValue("3") int maxRedirects) {

    public OutboundSettings {
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
        // a wrong network is an operator's mistake to see at start-up, not at the first request
        allowedNetworks.forEach(PublicAddresses.Network::of);
        if (maxBytes < 1 || maxRedirects < 0) {
            throw new IllegalArgumentException(
                    "chorus.outbound: max-bytes must be positive, max-redirects not negative");
        }
    }

    /** The defaults, with these networks allowed. */
    public static OutboundSettings allowing(String... networks) {
        return new OutboundSettings(
                List.of(networks), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), 1 << 20, 3);
    }

    PublicAddresses addresses() {
        return new PublicAddresses(
                allowedNetworks.stream().map(PublicAddresses.Network::of).toList());
    }
}

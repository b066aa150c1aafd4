package org.chorus.shared.outbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the {@link OutboundQueue} sends, bound from {@code chorus.outbound.queue.*}.
 *
 * @param perServer requests to one server at a time, from this node
 * @param parallel requests at a time in all, from this node
 * @param firstRetry the wait before the second try; it doubles with each try, up to {@code longestWait}
 * @param longestWait the longest wait between two tries
 * @param giveUpAfter how long after it was queued a request is tried at all
 * @param lease how long a claimed request stays this node's; past it, another node takes it (longer than a request's
 *     deadline)
 */
@ConfigurationProperties("chorus.outbound.queue")
public record OutboundQueueSettings(
        @DefaultValue("4") int perServer,
        @DefaultValue("64") int parallel,
        @DefaultValue("1m") Duration firstRetry,
        @DefaultValue("6h") Duration longestWait,
        @DefaultValue("2d") Duration giveUpAfter,
        @DefaultValue("2m") Duration lease) {

    public OutboundQueueSettings {
        if (perServer < 1 || parallel < 1) {
            throw new IllegalArgumentException("chorus.outbound.queue: per-server and parallel must be positive");
        }
    }
}

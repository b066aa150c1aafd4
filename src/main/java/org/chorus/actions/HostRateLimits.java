package org.chorus.actions;

import java.time.Duration;
import org.chorus.shared.DomainException;
import org.chorus.shared.RateLimits;
import org.springframework.stereotype.Component;

/**
 * How many forms of hosts without an account one network and one address may send an hour, kept in memory (Bucket4j)
 * by hashed keys. Past one: 429 with the seconds to wait ({@code action.rate-limited}); nothing is stored or sent.
 */
@Component
class HostRateLimits {

    static final int PER_NETWORK = 10;
    static final int PER_EMAIL = 3;
    private static final int MAX_TRACKED = 100_000;

    private final RateLimits limits = new RateLimits(Duration.ofHours(1), MAX_TRACKED);

    void takeNetwork(String networkHash) {
        refuseAfter(limits.take("network:" + networkHash, PER_NETWORK));
    }

    void takeEmail(String emailIndexHex) {
        refuseAfter(limits.take("email:" + emailIndexHex, PER_EMAIL));
    }

    private static void refuseAfter(long wait) {
        if (wait > 0) {
            throw new DomainException(429, "action.rate-limited", wait);
        }
    }
}

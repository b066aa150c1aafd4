package org.chorus.signons;

import java.time.Duration;
import org.chorus.shared.DomainException;
import org.chorus.shared.RateLimits;
import org.chorus.statements.StatementId;
import org.springframework.stereotype.Component;

/**
 * The limits of {@link SignOnLimits}, kept in memory (Bucket4j) by hashed keys. Past one: 429 with the seconds to wait
 * ({@code signons.rate-limited}); the page says so and nothing is stored.
 */
@Component
class SignOnRateLimits {

    private static final int MAX_TRACKED = 100_000;

    private final SignOnLimits limits;
    private final RateLimits senders;
    private final RateLimits statements;

    SignOnRateLimits(SignOnLimits limits) {
        this.limits = limits;
        this.senders = new RateLimits(Duration.ofSeconds(limits.windowSeconds()), MAX_TRACKED);
        this.statements = new RateLimits(Duration.ofMinutes(1), MAX_TRACKED);
    }

    /** Takes one from the network's and the statement's allowance (before the form is even read further). */
    void take(String networkHash, StatementId statement) {
        long wait = senders.take("network:" + networkHash, limits.perNetwork());
        if (wait == 0) {
            wait = statements.take("statement:" + statement.value(), limits.perStatementPerMinute());
        }
        if (wait > 0) {
            throw limited(wait);
        }
    }

    /** Takes one from the allowance of an address (its blind index), which bounds the letters one address gets. */
    void takeEmail(String emailIndexHex) {
        long wait = senders.take("email:" + emailIndexHex, limits.perEmail());
        if (wait > 0) {
            throw limited(wait);
        }
    }

    private static DomainException limited(long seconds) {
        return new DomainException(429, "signons.rate-limited", seconds);
    }
}

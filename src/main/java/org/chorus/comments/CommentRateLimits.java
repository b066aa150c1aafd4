package org.chorus.comments;

import java.time.Duration;
import org.chorus.accounts.AccountId;
import org.chorus.shared.DomainException;
import org.chorus.shared.RateLimits;
import org.springframework.stereotype.Component;

/**
 * Limits how many comments one person (account or guest address) and one network prefix may post per window (Bucket4j, in memory). Keys are
 * hashes, so memory holds neither account ids nor addresses. Past the limit: 429 with the seconds to wait.
 */
@Component
class CommentRateLimits {

    private static final int MAX_TRACKED = 100_000;

    private final CommentLimits limits;
    private final RateLimits buckets;

    CommentRateLimits(CommentLimits limits) {
        this.limits = limits;
        this.buckets = new RateLimits(Duration.ofSeconds(limits.windowSeconds()), MAX_TRACKED);
    }

    /** Takes one comment from both allowances, or throws {@code comment.rate-limited} (429) with the seconds to wait. */
    void take(AccountId account, String networkHash) {
        long wait = buckets.take("account:" + account.value(), limits.perAccount());
        if (wait == 0) {
            wait = buckets.take("network:" + networkHash, limits.perNetwork());
        }
        if (wait > 0) {
            throw limited(wait);
        }
    }

    /**
     * A guest's comment takes one from the allowance of their address (the blind index, as many as one account may
     * post) and one from their network prefix's.
     */
    void takeGuest(String emailIndexHex, String networkHash) {
        long wait = buckets.take("email:" + emailIndexHex, limits.perAccount());
        if (wait == 0) {
            wait = buckets.take("network:" + networkHash, limits.perNetwork());
        }
        if (wait > 0) {
            throw limited(wait);
        }
    }

    private static DomainException limited(long seconds) {
        return new DomainException(429, "comment.rate-limited", seconds);
    }
}

package org.chorus.comments;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.chorus.accounts.AccountId;
import org.chorus.shared.DomainException;
import org.chorus.shared.SecretToken;
import org.springframework.stereotype.Component;

/**
 * Limits how many comments one person and one network prefix may post per window (Bucket4j, in memory). Keys are
 * hashes, so memory holds neither account ids nor addresses. Past the limit: 429 with the seconds to wait.
 */
@Component
class CommentRateLimits {

    private static final int MAX_TRACKED = 100_000;

    private final CommentLimits limits;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    CommentRateLimits(CommentLimits limits) {
        this.limits = limits;
    }

    /** Takes one comment from both allowances, or throws {@code comment.rate-limited} (429) with the seconds to wait. */
    void take(AccountId account, String networkHash) {
        var byAccount =
                bucket("account:" + account.value(), limits.perAccount()).tryConsumeAndReturnRemaining(1);
        if (!byAccount.isConsumed()) {
            throw limited(byAccount.getNanosToWaitForRefill());
        }
        var byNetwork = bucket("network:" + networkHash, limits.perNetwork()).tryConsumeAndReturnRemaining(1);
        if (!byNetwork.isConsumed()) {
            throw limited(byNetwork.getNanosToWaitForRefill());
        }
    }

    private static DomainException limited(long nanos) {
        long seconds = Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1);
        return new DomainException(429, "comment.rate-limited", seconds);
    }

    private Bucket bucket(String key, int allowed) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(
                SecretToken.hash(key),
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(allowed)
                                .refillGreedy(allowed, Duration.ofSeconds(limits.windowSeconds()))
                                .build())
                        .build());
    }
}

package org.chorus.shared;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets kept in memory (Bucket4j), one per key, each refilled over the same window. Keys are stored only as
 * hashes, so memory holds no addresses or account ids; past {@code maxTracked} keys everything starts afresh.
 */
public final class RateLimits {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Duration window;
    private final int maxTracked;

    public RateLimits(Duration window, int maxTracked) {
        this.window = window;
        this.maxTracked = maxTracked;
    }

    /** Takes one from the key's allowance: 0 when allowed, otherwise the whole seconds to wait (at least 1). */
    public long take(String key, int allowed) {
        if (buckets.size() > maxTracked) {
            buckets.clear();
        }
        var probe = buckets.computeIfAbsent(
                        SecretToken.hash(key),
                        k -> Bucket.builder()
                                .addLimit(Bandwidth.builder()
                                        .capacity(allowed)
                                        .refillGreedy(allowed, window)
                                        .build())
                                .build())
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? 0
                : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
    }

    /** Returns one taken from the key's allowance (an attempt that turned out not to count, such as a success). */
    public void giveBack(String key) {
        var bucket = buckets.get(SecretToken.hash(key));
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }
}

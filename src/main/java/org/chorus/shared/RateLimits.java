package org.chorus.shared;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets kept in memory (Bucket4j), one per key, each refilled over the same window. Keys are stored only as
 * hashes, so memory holds no addresses or account ids.
 *
 * <p>Memory is bounded without letting a flood of made-up keys wipe a real one's state: past {@code maxTracked} keys,
 * buckets that have refilled completely are forgotten (that changes no answer), then those not blocking anyone. Keys
 * that are exhausted are kept; if even those pass four times {@code maxTracked}, new keys are refused until some
 * refill, so an attacker can never buy a fresh allowance for a key they are blocked on.
 */
public final class RateLimits {

    private record Tracked(Bucket bucket, int capacity) {}

    private final Map<String, Tracked> buckets = new ConcurrentHashMap<>();
    private final Duration window;
    private final int maxTracked;
    // a scan walks every bucket: under a flood of blocked keys, scan again only after a quarter more have come
    private int nextScan;

    public RateLimits(Duration window, int maxTracked) {
        this.window = window;
        this.maxTracked = maxTracked;
        this.nextScan = maxTracked;
    }

    /** Takes one from the key's allowance: 0 when allowed, otherwise the whole seconds to wait (at least 1). */
    public long take(String key, int allowed) {
        return taken(key, allowed).waitSeconds();
    }

    /** What taking one left: how many remain, and the whole seconds to wait (0 when it was allowed). */
    public record Taken(long remaining, long waitSeconds) {
        public boolean allowed() {
            return waitSeconds == 0;
        }
    }

    /** Takes one from the key's allowance, saying what remains (for RateLimit-* headers). */
    public Taken taken(String key, int allowed) {
        var hash = SecretToken.hash(key);
        if (!buckets.containsKey(hash) && buckets.size() >= maxTracked && !makeRoom()) {
            return new Taken(0, Math.max(1, window.toSeconds()));
        }
        var probe = buckets.computeIfAbsent(hash, k -> new Tracked(bucket(allowed), allowed))
                .bucket()
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? new Taken(probe.getRemainingTokens(), 0)
                : new Taken(
                        0,
                        Math.max(
                                1,
                                Duration.ofNanos(probe.getNanosToWaitForRefill())
                                                .toSeconds()
                                        + 1));
    }

    /** How many keys are tracked now. */
    int tracked() {
        return buckets.size();
    }

    private synchronized boolean makeRoom() {
        if (buckets.size() < nextScan) {
            return buckets.size() < 4L * maxTracked;
        }
        buckets.values().removeIf(t -> t.bucket().getAvailableTokens() >= t.capacity());
        if (buckets.size() >= maxTracked) {
            buckets.values().removeIf(t -> t.bucket().getAvailableTokens() > 0);
        }
        nextScan = Math.max(maxTracked, buckets.size() + Math.max(1, maxTracked / 4));
        return buckets.size() < 4L * maxTracked;
    }

    private Bucket bucket(int allowed) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(allowed)
                        .refillGreedy(allowed, window)
                        .build())
                .build();
    }

    /** Returns one taken from the key's allowance (an attempt that turned out not to count, such as a success). */
    public void giveBack(String key) {
        var tracked = buckets.get(SecretToken.hash(key));
        if (tracked != null) {
            tracked.bucket().addTokens(1);
        }
    }
}

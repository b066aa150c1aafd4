package org.chorus.signons;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Values read from the database and kept in memory for a while ({@code kept}), per key, until {@link #forget} (a
 * committed change) or until that time passed (a change on another node). A value read while a change committed is
 * kept under the generation it was read in, so it is never served after the change. Past {@code most} keys, everything
 * is forgotten at once.
 */
final class KeptAWhile<K, V> {

    private record Kept<V>(V value, long generation, Instant readAt) {}

    private final ConcurrentHashMap<K, Kept<V>> kept = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Clock clock;
    private final Duration time;
    private final int most;

    KeptAWhile(Clock clock, Duration time, int most) {
        this.clock = clock;
        this.time = time;
        this.most = most;
    }

    /** The value kept for this key, or the one {@code read} gives (then kept). */
    V get(K key, Supplier<V> read) {
        var now = clock.instant();
        var current = generation.get();
        var found = kept.get(key);
        if (found != null
                && found.generation() == current
                && now.isBefore(found.readAt().plus(time))) {
            return found.value();
        }
        var value = read.get();
        if (kept.size() >= most) {
            kept.clear();
        }
        kept.put(key, new Kept<>(value, current, now));
        return value;
    }

    /** Forgets every value, including one being read now. */
    void forget() {
        generation.incrementAndGet();
        kept.clear();
    }
}

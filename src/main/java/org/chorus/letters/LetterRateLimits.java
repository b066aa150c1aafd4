package org.chorus.letters;

import java.time.Duration;
import org.chorus.shared.DomainException;
import org.chorus.shared.RateLimits;
import org.springframework.stereotype.Component;

/**
 * How many letters one network may ask Chorus to send (or say it sent) an hour, kept in memory (Bucket4j) by hashed
 * keys, like every per-network limit; past it: 429 with the seconds to wait, nothing stored or sent. How many letters
 * one official gets from Chorus an hour ({@link #PER_TARGET}) and one letter per supporter, campaign and day are counted
 * in the database instead ({@code letter_target_hours}, {@code letter_senders}), so they hold across nodes and
 * restarts.
 */
@Component
public class LetterRateLimits {

    static final int PER_NETWORK = 10;
    public static final int PER_TARGET = 60;
    private static final int MAX_TRACKED = 100_000;

    private final RateLimits networks = new RateLimits(Duration.ofHours(1), MAX_TRACKED);

    void takeNetwork(String networkHash) {
        long wait = networks.take("network:" + networkHash, PER_NETWORK);
        if (wait > 0) {
            throw new DomainException(429, "letter.rate-limited", wait);
        }
    }
}

package org.chorus.letters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import org.chorus.shared.DomainException;
import org.chorus.shared.RateLimits;
import org.springframework.stereotype.Component;

/**
 * How many letters one network may ask Chorus to send (or say it sent) an hour, and how many letters one official may
 * get from Chorus an hour, kept in memory (Bucket4j) by hashed keys. Past one: 429 with the seconds to wait; nothing is
 * stored or sent. One letter per supporter, campaign and day is counted in the database instead ({@code
 * letter_senders}), so it holds across nodes and restarts.
 */
@Component
class LetterRateLimits {

    static final int PER_NETWORK = 10;
    static final int PER_TARGET = 60;
    private static final int MAX_TRACKED = 100_000;

    private final RateLimits networks = new RateLimits(Duration.ofHours(1), MAX_TRACKED);
    private final RateLimits targets = new RateLimits(Duration.ofHours(1), MAX_TRACKED);

    void takeNetwork(String networkHash) {
        long wait = networks.take("network:" + networkHash, PER_NETWORK);
        if (wait > 0) {
            throw new DomainException(429, "letter.rate-limited", wait);
        }
    }

    /** Takes one letter for each official, or none of them when one has had enough this hour. */
    void takeTargets(Collection<TargetId> ids) {
        var taken = new ArrayList<String>();
        for (var id : ids) {
            var key = "target:" + id;
            long wait = targets.take(key, PER_TARGET);
            if (wait > 0) {
                taken.forEach(targets::giveBack);
                throw new DomainException(429, "letter.target-busy", wait);
            }
            taken.add(key);
        }
    }
}

package org.chorus.rsvps;

import java.time.Clock;
import java.time.Duration;
import org.chorus.shared.DomainException;
import org.chorus.shared.RateLimits;
import org.chorus.shared.web.SignedFormStamps;
import org.springframework.stereotype.Component;

/**
 * The defences of the guests' RSVP form, which lives on the cached action page: its signed stamp (per action, at least
 * {@link #MIN_FILL_TIME} to fill, good for {@link #STAMP_AGE}), and how many forms one network and one address may
 * send an hour, kept in memory (Bucket4j) by hashed keys. Past one: 429 with the seconds to wait
 * ({@code rsvp.rate-limited}); nothing is stored or sent.
 */
@Component
public class RsvpLimits {

    static final Duration MIN_FILL_TIME = Duration.ofSeconds(3);
    static final Duration STAMP_AGE = Duration.ofDays(1);
    static final int PER_NETWORK = 10;
    static final int PER_EMAIL = 3;
    private static final int MAX_TRACKED = 100_000;

    private final RateLimits limits = new RateLimits(Duration.ofHours(1), MAX_TRACKED);
    private final SignedFormStamps stamps;

    RsvpLimits(Clock clock) {
        this.stamps = new SignedFormStamps(clock, MIN_FILL_TIME, STAMP_AGE, "rsvp");
    }

    /** A stamp for the RSVP form of this action, rendered now. */
    public String stamp(org.chorus.actions.ActionId action) {
        return stamps.issue(action.toString());
    }

    void checkStamp(org.chorus.actions.ActionId action, String stamp) {
        stamps.check(action.toString(), stamp);
    }

    void takeNetwork(String networkHash) {
        refuseAfter(limits.take("network:" + networkHash, PER_NETWORK));
    }

    void takeEmail(String emailIndexHex) {
        refuseAfter(limits.take("email:" + emailIndexHex, PER_EMAIL));
    }

    private static void refuseAfter(long wait) {
        if (wait > 0) {
            throw new DomainException(429, "rsvp.rate-limited", wait);
        }
    }
}

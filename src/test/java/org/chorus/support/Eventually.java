package org.chorus.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * How a test waits for what happens on another thread (mail sent after a commit, an event listener): on a condition,
 * checked every 25 ms for up to 60 s, never for a fixed time. The condition runs on the test's own thread. A passing
 * test waits no longer for the bound; it is wide because the suite shares two cores with whatever else runs (twice a
 * letter took more than 20 s to arrive while other tests ran beside the suite).
 */
public final class Eventually {

    private Eventually() {}

    /** Waits until a condition holds; {@code what} names it in the failure message. */
    public static ConditionFactory eventually(String what) {
        return Awaitility.await(what)
                .atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(25))
                .pollInSameThread();
    }
}

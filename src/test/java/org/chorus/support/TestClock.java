package org.chorus.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestComponent;

/**
 * The application's clock in tests: real time plus an offset that a test can move forward, so time-based rules
 * (scheduled publication, expiring links) are tested without sleeping. It only ever moves forward. The offset is one
 * per test run, like the database: every Spring context (the whole application and each module's) reads the same
 * time, so a job that runs in one context never sees rows another context wrote "in the future".
 */
@TestComponent
public class TestClock extends Clock {

    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration by) {
        OFFSET.updateAndGet(current -> current.plus(by));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(OFFSET.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}

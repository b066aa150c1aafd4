package org.chorus.shared.scheduling;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draining a queue (the email outbox, the outbound requests), one run at a time per node: the wake-up after a commit
 * and the scheduled job share it. A run asked for while another runs returns 0 at once and makes the running one look
 * again before it stops, so nothing queued meanwhile waits for the next job.
 */
public final class Drain {

    private static final Logger log = LoggerFactory.getLogger(Drain.class);

    /** How long a run started by a wake-up may go on. */
    static final Duration WAKE_UP_BUDGET = Duration.ofMinutes(5);

    private final String name;
    private final ToIntFunction<Duration> pass;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;

    /**
     * {@code pass} drains what is due for at most the budget it is given and returns how much it did; {@code name} names
     * the wake-up threads.
     */
    public Drain(String name, ToIntFunction<Duration> pass) {
        this.name = name;
        this.pass = pass;
    }

    /** Drains in the background unless this node already drains; then the running drain looks again. */
    public void wakeUp() {
        if (stopped) {
            return;
        }
        again.set(true);
        Thread.ofVirtual().name(name).start(() -> {
            try {
                run(WAKE_UP_BUDGET);
            } catch (RuntimeException e) {
                log.error("{} stopped: {}", name, e.getMessage(), e);
            }
        });
    }

    /** Drains in this thread for at most {@code budget} a pass; returns how much it did (0 when another runs). */
    public int run(Duration budget) {
        int done = 0;
        do {
            if (!running.tryLock()) {
                again.set(true);
                return done;
            }
            try {
                again.set(false);
                done += pass.applyAsInt(budget);
            } finally {
                running.unlock();
            }
        } while (again.get() && !stopped);
        return done;
    }

    /** No more runs start, and a pass in progress should stop at its next step ({@link #stopped()}). */
    public void stop() {
        stopped = true;
    }

    public boolean stopped() {
        return stopped;
    }
}

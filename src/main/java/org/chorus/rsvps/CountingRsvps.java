package org.chorus.rsvps;

import java.time.Clock;
import java.util.List;
import org.chorus.actions.ActionId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public counts of RSVPs ("34 going") are counted again every few seconds by one node at a time (db-scheduler,
 * an advisory lock) for the actions whose RSVPs changed, instead of being updated by each RSVP: a burst of RSVPs writes
 * no shared row and empties no page; only the pages of actions whose number changed go stale
 * ({@link RsvpCountsChanged}). Run by {@link RsvpJobs}.
 */
@Service
public class CountingRsvps {

    private final RsvpCounts counts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CountingRsvps(RsvpCounts counts, ApplicationEventPublisher events, Clock clock) {
        this.counts = counts;
        this.events = events;
        this.clock = clock;
    }

    /** Counts the marked actions; returns those whose count changed (empty when another run holds the lock). */
    @Transactional
    public List<ActionId> recount() {
        if (!counts.lock()) {
            return List.of();
        }
        var changed = counts.recount(counts.takeMarked(), clock.instant());
        if (!changed.isEmpty()) {
            events.publishEvent(new RsvpCountsChanged(changed));
        }
        return changed;
    }
}

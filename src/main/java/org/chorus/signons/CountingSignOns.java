package org.chorus.signons;

import java.time.Clock;
import java.util.List;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementId;
import org.chorus.statements.StatementLink;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The count job's work: totals are counted again from the sign-ons every few seconds instead of being updated by each
 * sign-on, so a burst of sign-ons writes no shared row and empties no page cache. A run recounts (it never adds), so a
 * run repeated, or one that overlapped another, counts nothing twice; the advisory lock keeps runs one at a time
 * anyway, so an older count never overwrites a newer one. A closed sign-on past its retention is counted again only
 * when one of its sign-ons changed (a withdrawal, an organizer's decision or removal marks its opening): retention
 * keeps kind, country and status, so its totals stay what they were.
 */
@Service
public class CountingSignOns {

    private final SignOnCounts counts;
    private final ReadingStatements statements;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CountingSignOns(SignOnCounts counts, ReadingStatements statements, ApplicationEventPublisher events, Clock clock) {
        this.counts = counts;
        this.statements = statements;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Counts every statement whose totals can change and publishes {@link SignOnCountsChanged} for those whose totals
     * did; returns them (empty when another run holds the lock).
     */
    @Transactional
    public List<StatementId> recount() {
        if (!counts.lock()) {
            return List.of();
        }
        // the marks first, in a statement of their own: the count below then sees every change that marked one
        var changed = counts.recount(clock.instant(), counts.takeMarked());
        if (!changed.isEmpty()) {
            var slugs = statements.links(changed).values().stream()
                    .map(StatementLink::slug)
                    .toList();
            events.publishEvent(new SignOnCountsChanged(changed, slugs));
        }
        return changed;
    }
}

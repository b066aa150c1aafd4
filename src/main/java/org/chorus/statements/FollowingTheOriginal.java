package org.chorus.statements;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps republications of a statement on this Chorus in step with their original (decision 0018). It listens to every
 * {@link StatementChanged} synchronously, in the transaction that changed the original, so that whichever path
 * changes it (an edit, a correction, a translation, a co-issuer, its date) updates its copies in the same commit, and
 * pages, feeds, the API and search read a copy like any other statement.
 */
@Component
class FollowingTheOriginal {

    private final Statements statements;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    FollowingTheOriginal(Statements statements, Clock clock, ApplicationEventPublisher events) {
        this.statements = statements;
        this.clock = clock;
        this.events = events;
    }

    @EventListener
    void on(StatementChanged changed) {
        for (var copy : statements.followOriginal(changed.statement(), clock.instant())) {
            events.publishEvent(new StatementChanged(copy));
        }
    }
}

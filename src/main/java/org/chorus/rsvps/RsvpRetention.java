package org.chorus.rsvps;

import java.time.Clock;
import java.time.Duration;
import org.chorus.actions.ActionChanged;
import org.chorus.actions.ReadingActions;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What RSVPs leave is deleted on schedule ({@link RsvpJobs}, hourly): guests' RSVPs never confirmed once their link
 * expired ({@link Rsvping#CONFIRMATION_VALIDITY}), and the sealed name, email and answers (with the blind index and
 * the account) of every RSVP {@code chorus.rsvps.kept-days} after its action ended; status and guests stay, so the
 * counts do. The hosts' message log goes after a day, once it no longer counts against their limit.
 */
@Service
public class RsvpRetention {

    private final Rsvps rsvps;
    private final Rsvping rsvping;
    private final ReadingActions actions;
    private final Clock clock;

    RsvpRetention(Rsvps rsvps, Rsvping rsvping, ReadingActions actions, Clock clock) {
        this.rsvps = rsvps;
        this.rsvping = rsvping;
        this.actions = actions;
        this.clock = clock;
    }

    /** An action's new end moves when its RSVPs are forgotten. */
    @ApplicationModuleListener
    void on(ActionChanged changed) {
        actions.action(changed.action()).ifPresent(action -> rsvps.forgetAt(action.id(), rsvping.forgetAt(action)));
    }

    /** Deletes what is due; returns how many RSVPs were deleted or forgotten. */
    @Transactional
    public int deleteExpired() {
        var now = clock.instant();
        rsvps.deleteMessagesBefore(now.minus(Duration.ofDays(1)));
        return rsvps.deleteUnconfirmed(now) + rsvps.forget(now);
    }
}

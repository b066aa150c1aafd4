package org.chorus.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import org.chorus.accounts.AccountDirectory;
import org.chorus.accounts.AccountId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Addresses one step to the people concerned: each gets the notice (a task when they must act) once, however often
 * the event comes, and an email now if that is how they want to hear of steps; those who chose a daily summary get it
 * with the next one, those who chose none only in their list.
 */
@Component
class Telling {

    private final Notices notices;
    private final AccountDirectory accounts;
    private final NotificationLetters letters;
    private final Clock clock;

    Telling(Notices notices, AccountDirectory accounts, NotificationLetters letters, Clock clock) {
        this.notices = notices;
        this.accounts = accounts;
        this.letters = letters;
        this.clock = clock;
    }

    /**
     * Tells the step to these people but {@code actor} (nobody is told what they did themselves). {@code key} names
     * the step, {@code since} when it happened (a task whose step is already done is stored closed).
     */
    void tell(
            Collection<AccountId> people,
            @Nullable AccountId actor,
            Notice.Step step,
            String key,
            Instant since,
            @Nullable String comment) {
        var recipients = new LinkedHashSet<>(people);
        if (actor != null) {
            recipients.remove(actor);
        }
        if (recipients.isEmpty()) {
            return;
        }
        var now = clock.instant();
        for (var person : accounts.findAll(recipients)) {
            var frequency = notices.frequency(person.id());
            var notice = step.to(person.id(), now);
            boolean news = notices.insert(notice, key, since, frequency != Frequency.DAILY)
                    .orElse(false);
            if (news && frequency == Frequency.EACH) {
                letters.step(person, notice, key + ":" + person.id().value(), comment);
            }
        }
    }
}

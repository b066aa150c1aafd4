package org.chorus.notifications;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.chorus.accounts.AccountDirectory;
import org.chorus.accounts.AccountId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily summaries for the people who chose them: every hour, each such person with notices not summed up yet gets one
 * email, at most one per day (UTC), whichever node runs the job and however often ({@code notification_summaries}).
 */
@Configuration
public class SendingSummaries {

    static final int PEOPLE_PER_RUN = 500;

    private final Notices notices;
    private final AccountDirectory accounts;
    private final NotificationLetters letters;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SendingSummaries(
            Notices notices,
            AccountDirectory accounts,
            NotificationLetters letters,
            TransactionTemplate transactions,
            Clock clock) {
        this.notices = notices;
        this.accounts = accounts;
        this.letters = letters;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Sends the summaries due now; returns how many went out. */
    public int sendDue() {
        return sendDue(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** Sends the summaries of this day (UTC) not sent yet. */
    int sendDue(LocalDate day) {
        int sent = 0;
        for (var account : notices.dueForSummary(day, PEOPLE_PER_RUN)) {
            Boolean done = transactions.execute(status -> summarize(account, day));
            if (Boolean.TRUE.equals(done)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean summarize(AccountId account, LocalDate day) {
        var now = clock.instant();
        var person = accounts.find(account);
        var pending = notices.unsummarized(account);
        if (person.isEmpty() || pending.isEmpty() || !notices.claimSummary(account, day, now)) {
            return false;
        }
        letters.summary(person.get(), pending, "daily:" + account.value() + ":" + day);
        notices.markSummarized(pending.stream().map(Notice::id).toList(), now);
        return true;
    }

    @Bean
    RecurringTask<Void> sendDailyNotificationSummaries() {
        return Tasks.recurring("send-daily-notification-summaries", FixedDelay.ofHours(1))
                .execute((instance, context) -> sendDue());
    }
}

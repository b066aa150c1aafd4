package org.chorus.rsvps;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The module's jobs, one node at a time (db-scheduler): the public counts every few seconds, reminders every ten
 * seconds, thank-yous every quarter of an hour, retention hourly.
 */
@Configuration
class RsvpJobs {

    /** How often counts are taken again: what an action page's number lags by, at most (plus the poll). */
    static final Duration COUNT_INTERVAL = Duration.ofSeconds(5);

    @Bean
    RecurringTask<Void> countRsvps(CountingRsvps counting) {
        return Tasks.recurring("count-rsvps", FixedDelay.of(COUNT_INTERVAL))
                .execute((instance, context) -> counting.recount());
    }

    /** How often due reminders are looked for: how late after 11:00 (or two hours before) one may go out. */
    static final Duration REMIND_INTERVAL = Duration.ofSeconds(10);

    @Bean
    RecurringTask<Void> sendRsvpReminders(RemindingRsvps reminding) {
        return Tasks.recurring("send-rsvp-reminders", FixedDelay.of(REMIND_INTERVAL))
                .execute((instance, context) -> reminding.sendDue());
    }

    @Bean
    RecurringTask<Void> thankRsvps(ThankingRsvps thanking) {
        return Tasks.recurring("thank-rsvps", FixedDelay.ofMinutes(15))
                .execute((instance, context) -> thanking.sendDue());
    }

    @Bean
    RecurringTask<Void> deleteExpiredRsvps(RsvpRetention retention) {
        return Tasks.recurring("delete-expired-rsvps", FixedDelay.ofHours(1))
                .execute((instance, context) -> retention.deleteExpired());
    }
}

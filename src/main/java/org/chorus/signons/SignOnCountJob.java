package org.chorus.signons;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The count job: one node at a time (db-scheduler), every few seconds, recounts the sign-ons' totals. */
@Configuration
class SignOnCountJob {

    /** How often totals are counted again: what the statement page's number lags by, at most (plus the poll). */
    static final Duration INTERVAL = Duration.ofSeconds(5);

    @Bean
    RecurringTask<Void> countSignOns(CountingSignOns counting) {
        return Tasks.recurring("count-sign-ons", FixedDelay.of(INTERVAL))
                .execute((instance, context) -> counting.recount());
    }
}

package org.chorus.statements;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Background work of the statements module. */
@Configuration
class StatementJobs {

    /** Every minute, publishes the scheduled statements whose time has come. */
    @Bean
    RecurringTask<Void> publishScheduledStatements(ReviewingStatements reviewing) {
        return Tasks.recurring("publish-scheduled-statements", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> reviewing.publishDue());
    }
}

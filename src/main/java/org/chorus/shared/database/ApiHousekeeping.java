package org.chorus.shared.database;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's nightly clean-up: the answers kept for {@code Idempotency-Key}s are forgotten after a day. */
@Configuration
class ApiHousekeeping {

    @Bean
    RecurringTask<Void> deleteOldIdempotencyKeys(IdempotencyKeys keys, Clock clock) {
        return Tasks.recurring("delete-old-idempotency-keys", Schedules.fixedDelay(Duration.ofHours(6)))
                .execute((instance, context) -> keys.forgetBefore(clock.instant()));
    }
}

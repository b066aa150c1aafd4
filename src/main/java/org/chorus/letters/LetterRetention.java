package org.chorus.letters;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What supporters leave is deleted on schedule: letters never confirmed once their link expired ({@link
 * SendingLetters#CONFIRMATION_VALIDITY}), and the blind indexes of senders' addresses {@link
 * SendingLetters#SENDER_KEPT} after they wrote; the counts stay. Every hour, one node at a time (db-scheduler).
 */
@Configuration
class LetterRetention {

    @Bean
    RecurringTask<Void> deleteExpiredLetters(SendingLetters sending) {
        return Tasks.recurring("delete-expired-letters", FixedDelay.ofHours(1))
                .execute((instance, context) -> sending.deleteExpired());
    }
}

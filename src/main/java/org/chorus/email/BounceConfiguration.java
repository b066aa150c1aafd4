package org.chorus.email;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reading the bounce mailbox: a job every minute, only when a mailbox is set ({@code CHORUS_BOUNCE_IMAP_HOST}). */
@Configuration
class BounceConfiguration {

    @Bean
    BounceMailbox bounceMailbox(MailSettings settings, RecordingBounces bounces) {
        return new BounceMailbox(settings.bounces(), bounces);
    }

    @Bean
    @ConditionalOnExpression("!'${chorus.mail.bounces.imap-host:}'.isBlank()")
    RecurringTask<Void> readBounces(BounceMailbox mailbox) {
        return Tasks.recurring("read-bounces", FixedDelay.ofMinutes(1)).execute((instance, context) -> mailbox.poll());
    }
}

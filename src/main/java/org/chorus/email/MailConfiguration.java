package org.chorus.email;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/** The mail transport chosen by the settings, and the engine's background jobs. */
@Configuration
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    /** Dev mode's capture, shown at /dev/mail. */
    @Bean
    @ConditionalOnProperty(name = "chorus.mail.transport", havingValue = "capture")
    DevMailbox devMailbox(Clock clock) {
        return new DevMailbox(clock);
    }

    @Bean
    @Primary
    MailTransport mailTransport(MailSettings settings, ObjectProvider<DevMailbox> capture) {
        if (settings.capture()) {
            return capture.getObject();
        }
        if (!"smtp".equals(settings.transport())) {
            throw new IllegalArgumentException(
                    "CHORUS_MAIL_TRANSPORT must be smtp or capture (got '" + settings.transport() + "')");
        }
        return new SmtpTransport(settings);
    }

    /**
     * Every 10 seconds, one node sends what is due: messages retried after a temporary refusal, messages whose lease
     * ran out on a node that stopped, and anything a wake-up after commit missed. A commit wakes the sending on its
     * own node at once ({@link Delivery#wakeUp}).
     */
    @Bean
    RecurringTask<Void> deliverMail(Delivery delivery) {
        return Tasks.recurring("deliver-mail", FixedDelay.ofSeconds(10))
                .execute((instance, context) -> delivery.deliverDue(Duration.ofMinutes(4)));
    }

    /** Every night, finished messages older than the retention period are deleted with their sealed addresses. */
    @Bean
    RecurringTask<Void> deleteOldMail(Outbox outbox, MailSettings settings, Clock clock) {
        return Tasks.recurring("delete-old-mail", FixedDelay.ofHours(6)).execute((instance, context) -> {
            var deleted = outbox.deleteFinishedBefore(clock.instant().minus(Duration.ofDays(settings.retentionDays())));
            if (deleted > 0) {
                log.info("Deleted {} finished messages older than {} days", deleted, settings.retentionDays());
            }
        });
    }

    @EventListener(ContextClosedEvent.class)
    void stopSending(ContextClosedEvent event) {
        event.getApplicationContext().getBean(Delivery.class).stop();
    }
}

package org.chorus.webhooks;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.chorus.shared.outbound.OutboundQueue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every six hours, endpoints whose messages have all failed for {@link #FAILING} (the first failure after the last
 * delivery is that old; a message fails after two days of tries, or at once on a 4xx) are turned off, so a dead
 * receiver does not pile up messages for ever; their owners hear of it ({@link WebhookEndpointDisabled}).
 */
@Configuration
class DisablingFailingEndpoints {

    static final Duration FAILING = Duration.ofDays(3);

    @Bean
    RecurringTask<Void> disableFailingWebhooks(
            OutboundQueue queue,
            WebhookEndpoints endpoints,
            ApplicationEventPublisher events,
            org.springframework.transaction.PlatformTransactionManager transactions,
            Clock clock) {
        return Tasks.recurring("disable-failing-webhooks", Schedules.fixedDelay(Duration.ofHours(6)))
                .execute((instance, context) ->
                        disable(queue, endpoints, events, new TransactionTemplate(transactions), clock));
    }

    /** Turns off the failing endpoints; returns how many. */
    static int disable(
            OutboundQueue queue,
            WebhookEndpoints endpoints,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        int disabled = 0;
        var now = clock.instant();
        for (var sender : queue.failingSenders(WebhookSigner.CHANNEL, now.minus(FAILING))) {
            UUID id;
            try {
                id = UUID.fromString(sender);
            } catch (IllegalArgumentException e) {
                continue;
            }
            var turnedOff = tx.execute(status -> endpoints
                    .disable(id, now)
                    .map(endpoint -> {
                        events.publishEvent(
                                new WebhookEndpointDisabled(id, endpoint.organization(), endpoint.url(), now));
                        return true;
                    })
                    .orElse(false));
            if (Boolean.TRUE.equals(turnedOff)) {
                disabled++;
            }
        }
        return disabled;
    }
}

package org.chorus.shared.outbound;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.http.OutboundHttp;
import org.chorus.shared.http.OutboundSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The client for outside addresses, the queue of requests to outside servers, and the queue's jobs. */
@Configuration
class OutboundConfiguration {

    /** How long finished requests are kept, for the operator to see what went where. */
    static final Duration KEEP_FINISHED = Duration.ofDays(30);

    @Bean(destroyMethod = "close")
    OutboundHttp outboundHttp(OutboundSettings settings, ChorusProperties chorus) {
        return new OutboundHttp(settings, "Chorus (+" + chorus.baseUrl() + ")");
    }

    @Bean
    OutboundQueue outboundQueue(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            OutboundHttp http,
            List<OutboundSigner> signers,
            Clock clock,
            OutboundQueueSettings settings) {
        return new OutboundQueue(jdbc, transactions, http, signers, clock, settings);
    }

    /**
     * Every 10 seconds, one node sends what is due: requests to try again, requests whose lease ran out on a node that
     * stopped, and anything a wake-up after commit missed.
     */
    @Bean
    RecurringTask<Void> deliverOutbound(OutboundQueue queue) {
        return Tasks.recurring("deliver-outbound", FixedDelay.ofSeconds(10))
                .execute((instance, context) -> queue.deliverDue(Duration.ofMinutes(4)));
    }

    /** Every night, requests finished more than 30 days ago are deleted. */
    @Bean
    RecurringTask<Void> deleteOldOutboundDeliveries(OutboundQueue queue, Clock clock) {
        return Tasks.recurring("delete-old-outbound-deliveries", Schedules.fixedDelay(Duration.ofHours(24)))
                .execute((instance, context) ->
                        queue.deleteFinishedBefore(clock.instant().minus(KEEP_FINISHED)));
    }

    @EventListener(ContextClosedEvent.class)
    void stopSending(ContextClosedEvent event) {
        event.getApplicationContext().getBean(OutboundQueue.class).stop();
    }
}

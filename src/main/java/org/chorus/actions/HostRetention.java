package org.chorus.actions;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.Transactional;

/**
 * What hosts without an account leave is deleted on schedule: forms never confirmed once their link expired
 * ({@link HostingByEmail#CONFIRMATION_VALIDITY}), and the sealed name and email (with the manage link) of hosts
 * {@link HostingByEmail#KEPT_AFTER_CAMPAIGN} after their campaign ended; the actions stay. Every hour, one node at a
 * time (db-scheduler).
 */
@Configuration
public class HostRetention {

    private final ActionHosts hosts;
    private final Clock clock;

    HostRetention(ActionHosts hosts, Clock clock) {
        this.hosts = hosts;
        this.clock = clock;
    }

    /** Deletes what is due; returns how many rows went. */
    @Transactional
    public int deleteExpired() {
        var now = clock.instant();
        return hosts.deleteExpiredSubmissions(now) + hosts.forgetHosts(now);
    }

    @Bean
    RecurringTask<Void> deleteExpiredHostData() {
        return Tasks.recurring("delete-expired-action-hosts", FixedDelay.ofHours(1))
                .execute((instance, context) -> deleteExpired());
    }
}

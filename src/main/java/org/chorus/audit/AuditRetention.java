package org.chorus.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.Transactional;

/** The audit log keeps a year: every day, entries older than 365 days are deleted. */
@Configuration
public class AuditRetention {

    static final Duration KEPT = Duration.ofDays(365);

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditEntries entries;
    private final Clock clock;

    AuditRetention(AuditEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** Deletes the entries older than a year; returns how many went. */
    @Transactional
    public int deleteExpired() {
        int deleted = entries.deleteOlderThan(clock.instant().minus(KEPT));
        if (deleted > 0) {
            log.info("Retention: deleted {} audit log entries older than {} days", deleted, KEPT.toDays());
        }
        return deleted;
    }

    @Bean
    RecurringTask<Void> deleteOldAuditEntries() {
        return Tasks.recurring("delete-old-audit-entries", FixedDelay.ofHours(24))
                .execute((instance, context) -> deleteExpired());
    }
}

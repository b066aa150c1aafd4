package org.chorus.accounts;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal data Chorus no longer needs is deleted on schedule: accounts never activated after
 * {@code chorus.retention.pending-accounts-days} days, and password reset and address confirmation links (which may
 * hold a sealed address) a day after they expired or were used, and the rows of sessions gone for longer than a
 * session can last.
 */
@Configuration
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Duration pendingAccounts;

    Retention(
            JdbcClient jdbc,
            Clock clock,
            ApplicationEventPublisher events,
            @Value("${chorus.retention.pending-accounts-days:30}") int pendingAccountsDays) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.pendingAccounts = Duration.ofDays(pendingAccountsDays);
    }

    /** Deletes what is due; returns how many accounts went. */
    @Transactional
    public int deleteExpired() {
        var now = clock.instant();
        List<UUID> gone = jdbc.sql(
                        "delete from accounts where status = 'PENDING' and created_at < :before returning id")
                .param("before", Timestamp.from(now.minus(pendingAccounts)))
                .query(UUID.class)
                .list();
        int links = jdbc.sql("delete from password_resets where coalesce(used_at, expires_at) < :before")
                .param("before", Timestamp.from(now.minus(Duration.ofDays(1))))
                .update();
        links += jdbc.sql("delete from address_confirmations where coalesce(used_at, expires_at) < :before")
                .param("before", Timestamp.from(now.minus(Duration.ofDays(1))))
                .update();
        // a session cannot outlive its maximum lifetime; a row left behind (the server stopped) goes after it
        jdbc.sql("delete from account_sessions where last_seen_day < :before")
                .param(
                        "before",
                        java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)
                                .minusDays(ManagingSessions.MAX_LIFETIME.toDays() + 1))
                .update();
        if (!gone.isEmpty()) {
            events.publishEvent(
                    new AccountsDeleted(gone.stream().map(AccountId::new).toList()));
        }
        if (!gone.isEmpty() || links > 0) {
            log.info(
                    "Retention: deleted {} never-activated accounts and {} old password reset and confirmation links",
                    gone.size(),
                    links);
        }
        return gone.size();
    }

    @Bean
    RecurringTask<Void> deleteExpiredPersonalData() {
        return Tasks.recurring("delete-expired-personal-data", FixedDelay.ofHours(6))
                .execute((instance, context) -> deleteExpired());
    }
}

package org.chorus.organizations;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.accounts.AccountsDeleted;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations hold an email address: they are deleted 30 days after they expired or were accepted. Memberships of
 * deleted accounts go with them.
 */
@Configuration
class OrganizationRetention {

    private final JdbcClient jdbc;
    private final Clock clock;

    OrganizationRetention(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(AccountsDeleted deleted) {
        jdbc.sql("delete from memberships where account_id = any(:ids)")
                .param("ids", deleted.accounts().stream().map(AccountId::value).toArray(UUID[]::new))
                .update();
    }

    @Transactional
    int deleteOldInvitations() {
        return jdbc.sql("delete from invitations where coalesce(accepted_at, expires_at) < :before")
                .param("before", Timestamp.from(clock.instant().minus(Duration.ofDays(30))))
                .update();
    }

    @Bean
    RecurringTask<Void> deleteOldInvitationsTask() {
        return Tasks.recurring("delete-old-invitations", FixedDelay.ofHours(6))
                .execute((instance, context) -> deleteOldInvitations());
    }
}

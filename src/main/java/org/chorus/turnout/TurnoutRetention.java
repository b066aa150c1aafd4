package org.chorus.turnout;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who filed a report and who uploaded its photos is personal data: forgotten {@code chorus.turnout.forget-uploaders-days}
 * (30 by default) after the action ended, with the hosts' report links; the reports and photos stay. Every hour, one
 * node at a time (db-scheduler).
 */
@Configuration
public class TurnoutRetention {

    private final TurnoutReports reports;
    private final Clock clock;

    TurnoutRetention(TurnoutReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** Forgets what is due; returns how many rows changed. */
    @Transactional
    public int forgetUploaders() {
        return reports.forget(clock.instant());
    }

    @Bean
    RecurringTask<Void> forgetTurnoutUploaders() {
        return Tasks.recurring("forget-turnout-uploaders", FixedDelay.ofHours(1))
                .execute((instance, context) -> forgetUploaders());
    }
}

package org.chorus.shared.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * db-scheduler runs Chorus's background and recurring jobs from the {@code scheduled_tasks} table, so in a cluster
 * each run happens on exactly one node. Modules contribute their tasks as beans; recurring ones start by themselves.
 * Jobs start when the application is ready; the admin command line runs none.
 */
@Configuration
@Profile("!admin")
class SchedulingConfiguration {

    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final int MISSED_HEARTBEATS = 6;

    @Bean(destroyMethod = "stop")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks) {
        var startup = tasks.stream()
                .filter(t -> t instanceof OnStartup)
                .map(t -> (Task<?> & OnStartup) t)
                .toList();
        var scheduler = Scheduler.create(
                        dataSource,
                        tasks.stream().filter(t -> !(t instanceof OnStartup)).toList())
                .startTasks(startup)
                .threads(2)
                // the sign-on count job runs every 5 s; a due job waits for the next poll at most
                .pollingInterval(Duration.ofSeconds(5))
                .enableImmediateExecution()
                // a node that dies mid-run (kill -9, a lost machine) leaves its run marked as its own; another node, or
                // the same one restarted, takes it again once HEARTBEAT × MISSED_HEARTBEATS passed without a heartbeat:
                // a minute, where db-scheduler's default of half an hour would let a reminder due meanwhile go late
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .build();
        return scheduler;
    }

    /** Jobs start once the application is ready, so no job runs against a half-built context. */
    @Bean
    org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationReadyEvent>
            startScheduler(Scheduler scheduler) {
        return event -> scheduler.start();
    }
}

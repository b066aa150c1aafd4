package org.chorus.federation;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Federation's nightly clean-up: the ids of activities taken in are kept {@value #KEEP_ACTIVITY_IDS_DAYS} days (no
 * server retries longer), and actors of other servers Chorus no longer deals with (no follow, no reaction) are
 * forgotten once their copy is as old as that; posts of followed accounts are kept {@value #KEEP_ALLIED_POSTS_DAYS} days
 * (their republished copies stay). Every {@link #REFRESH_EVENTS}, events sent and not over yet are sent again as an
 * Update where they changed without an edit (their exact place revealed, their number of participants).
 */
@Configuration
class FederationJobs {

    static final int KEEP_ACTIVITY_IDS_DAYS = 30;
    static final int KEEP_ALLIED_POSTS_DAYS = 365;
    static final Duration REFRESH_EVENTS = Duration.ofMinutes(15);

    @Bean
    RecurringTask<Void> forgetOldInboxActivities(JdbcClient jdbc, Clock clock) {
        return Tasks.recurring("forget-old-federation-records", Schedules.fixedDelay(Duration.ofHours(24)))
                .execute((instance, context) ->
                        forgetBefore(jdbc, clock.instant().minus(Duration.ofDays(KEEP_ACTIVITY_IDS_DAYS))));
    }

    /** Events sent to followers and not over yet: an Update when their place was revealed or their count changed. */
    @Bean
    RecurringTask<Void> refreshFederatedEvents(TellingFollowers telling) {
        return Tasks.recurring("refresh-federated-events", Schedules.fixedDelay(REFRESH_EVENTS))
                .execute((instance, context) -> telling.refreshUpcomingEvents());
    }

    /** Deletes what is older than {@code before}; returns how many rows went. */
    static int forgetBefore(JdbcClient jdbc, Instant before) {
        var at = Timestamp.from(before);
        int activities = jdbc.sql("delete from federation_inbox_activities where received_at < :before")
                .param("before", at)
                .update();
        int actors = jdbc.sql("""
                        delete from federation_remote_actors a
                         where a.fetched_at < :before
                           and not exists (select 1 from federation_followers f where f.actor_id = a.id)
                           and not exists (select 1 from federation_following g where g.actor_id = a.id)
                           and not exists (select 1 from federation_reactions r where r.actor_id = a.id)""").param("before", at).update();
        int posts = jdbc.sql("delete from federation_allied_posts where received_at < :before")
                .param(
                        "before",
                        Timestamp.from(before.minus(Duration.ofDays(KEEP_ALLIED_POSTS_DAYS - KEEP_ACTIVITY_IDS_DAYS))))
                .update();
        return activities + actors + posts;
    }
}

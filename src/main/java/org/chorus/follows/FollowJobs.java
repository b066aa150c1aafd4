package org.chorus.follows;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Background work of the follows module (db-scheduler: one node runs each). */
@Configuration
class FollowJobs {

    /** Every minute, sends the announcements whose time has come. */
    @Bean
    RecurringTask<Void> sendScheduledAnnouncements(SendingAnnouncements sending) {
        return Tasks.recurring("send-scheduled-announcements", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> sending.sendDue());
    }

    /** Every hour, sends the weekly digests that are due (a week after each follower's last one). */
    @Bean
    RecurringTask<Void> sendWeeklyDigests(SendingDigests digests) {
        return Tasks.recurring("send-weekly-digests", FixedDelay.ofHours(1))
                .execute((instance, context) -> digests.sendDue());
    }

    /** Every hour, sends campaigns' followers the actions new since their last letter (a day or a week before). */
    @Bean
    RecurringTask<Void> sendCampaignNews(SendingCampaignNews news) {
        return Tasks.recurring("send-campaign-news", FixedDelay.ofHours(1))
                .execute((instance, context) -> news.sendDue());
    }

    /** Every six hours, forgets follows never confirmed and ended ones. */
    @Bean
    RecurringTask<Void> deleteUnconfirmedFollows(Following following) {
        return Tasks.recurring("delete-unconfirmed-follows", FixedDelay.ofHours(6))
                .execute((instance, context) -> following.deleteExpired());
    }
}

package org.chorus.comments;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments that will never be shown are deleted 30 days after they were written (rejected ones and spam), and
 * reports 90 days after they were made, so no one's words or complaints are kept longer than moderation needs. A
 * guest's comment whose confirmation link expired is deleted with its sealed address at the next run, and so are the
 * ids of used form stamps once the stamps have expired.
 */
@Configuration
public class CommentRetention {

    static final Duration REFUSED = Duration.ofDays(30);
    static final Duration REPORTS = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final Clock clock;

    CommentRetention(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Deletes what is due; returns how many comments went. */
    @Transactional
    public int deleteExpired() {
        var now = clock.instant();
        jdbc.sql("delete from comment_reports where created_at < :before")
                .param("before", Timestamp.from(now.minus(REPORTS)))
                .update();
        // stamps that have expired are refused as expired: their ids need no keeping
        jdbc.sql("delete from comment_form_stamps_used where usable_until < :now")
                .param("now", Timestamp.from(now))
                .update();
        // guests' comments whose link expired unconfirmed: never shown, nobody answered them
        int unconfirmed = jdbc.sql("delete from comments where status = 'UNCONFIRMED' and confirm_until < :now")
                .param("now", Timestamp.from(now))
                .update();
        return unconfirmed
                + jdbc.sql("""
                        delete from comments c where c.status in ('REJECTED', 'SPAM') and c.created_at < :before
                          and not exists (select 1 from comments r where r.parent_id = c.id)
                        """)
                        .param("before", Timestamp.from(now.minus(REFUSED)))
                        .update();
    }

    @Bean
    RecurringTask<Void> deleteRefusedComments() {
        return Tasks.recurring("delete-refused-comments", FixedDelay.ofHours(1))
                .execute((instance, context) -> deleteExpired());
    }
}

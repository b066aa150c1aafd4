package org.chorus.signons;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-ons never confirmed are deleted once their link expired ({@link SignOn#CONFIRMATION_VALIDITY}), with their
 * sealed data and consents. Once a sign-on closed (or its deadline passed) and the opening's retention days are over,
 * the signers' personal data goes: the sealed document, the address's blind index, and a person's listed name,
 * affiliation and title; kind, country and status stay for the counts. Every hour, one node at a time (db-scheduler).
 */
@Configuration
public class SignOnRetention {

    /** Rows deleted per statement of the unconfirmed sweep, so one run never holds locks for long. */
    static final int BATCH = 10_000;

    private final SignOns signOns;
    private final Clock clock;

    SignOnRetention(SignOns signOns, Clock clock) {
        this.signOns = signOns;
        this.clock = clock;
    }

    /** Deletes what is due; returns how many unconfirmed sign-ons went. */
    @Transactional
    public int deleteExpired() {
        var now = clock.instant();
        int deleted = signOns.deleteUnconfirmed(now, BATCH);
        signOns.forgetPersonalData(now);
        return deleted;
    }

    @Bean
    RecurringTask<Void> deleteExpiredSignOns() {
        return Tasks.recurring("delete-expired-signons", FixedDelay.ofHours(1))
                .execute((instance, context) -> deleteExpired());
    }
}

package org.chorus.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.support.Eventually.eventually;

import java.time.Duration;
import org.chorus.accounts.AccountSecurityChanged;
import org.chorus.organizations.Actor;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

@ChorusModuleTest
class AuditRetentionTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReadingActivity activity;

    @Autowired
    AuditRetention retention;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TestClock clock;

    @Test
    void an_entry_is_kept_364_days_after_it_happened_and_deleted_at_366() {
        var person = Actor.of(fixtures.person("kept-a-year"));
        var now = clock.instant();
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new AccountSecurityChanged(
                    person.account(),
                    AccountSecurityChanged.Change.PASSWORD_CHANGED,
                    null,
                    now.minus(Duration.ofDays(364))));
            events.publishEvent(new AccountSecurityChanged(
                    person.account(),
                    AccountSecurityChanged.Change.EMAIL_CHANGED,
                    null,
                    now.minus(Duration.ofDays(366))));
        });
        eventually("both are recorded")
                .until(() -> activity.ofAccount(person, null).lines().size() == 2);

        assertThat(retention.deleteExpired()).isPositive();

        assertThat(activity.ofAccount(person, null).lines())
                .extracting(l -> l.entry().kind())
                .containsExactly("account.PASSWORD_CHANGED");
    }
}

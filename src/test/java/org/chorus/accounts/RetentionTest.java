package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.chorus.shared.i18n.Language;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.PublishedEvents;

/** What accounts deletes and when; what other modules drop with a deleted account is tested in those modules. */
@ChorusModuleTest
class RetentionTest {

    @Autowired
    Retention retention;

    @Autowired
    SigningUp signingUp;

    @Autowired
    AccountDirectory directory;

    @Autowired
    ResettingPasswords resetting;

    @Autowired
    TestClock clock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void an_account_never_activated_is_deleted_after_thirty_days_and_said_so_but_active_ones_stay(
            PublishedEvents events) {
        var pendingEmail = Fixtures.uniqueEmail("forgotten");
        var pending = signingUp.signUp(pendingEmail, "Never Activated", Fixtures.PASSWORD, Language.ENGLISH);
        var active = activeAccount(Fixtures.uniqueEmail("active"));

        retention.deleteExpired();
        assertThat(directory.findByEmail(pendingEmail))
                .as("too young to delete")
                .isPresent();

        clock.advance(Duration.ofDays(31));
        assertThat(retention.deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(directory.findByEmail(pendingEmail)).isEmpty();
        assertThat(events.ofType(AccountsDeleted.class)
                        .matching(deleted -> deleted.accounts().contains(pending)))
                .as("other modules are told, so they drop what refers to the account")
                .hasSize(1);
        assertThat(directory.find(active)).isPresent();
    }

    @Test
    void rows_of_sessions_older_than_a_session_can_live_are_deleted_and_recent_ones_stay() {
        var account = activeAccount(Fixtures.uniqueEmail("sessions"));
        var today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        for (var day : java.util.List.of(today.minusDays(32), today.minusDays(3))) {
            jdbc.sql("""
                            insert into account_sessions (id, session_hash, account_id, created_at, last_seen_day)
                            values (gen_random_uuid(), :hash, :account, now(), :day)
                            """)
                    .param("hash", Fixtures.unique("hash"))
                    .param("account", account.value())
                    .param("day", day)
                    .update();
        }

        retention.deleteExpired();

        assertThat(jdbc.sql("select last_seen_day from account_sessions where account_id = :account")
                        .param("account", account.value())
                        .query(java.time.LocalDate.class)
                        .list())
                .containsExactly(today.minusDays(3));
    }

    @Test
    void used_or_expired_reset_links_are_deleted() {
        var email = Fixtures.uniqueEmail("links");
        activeAccount(email);
        var link = resetting.requestLink(email).orElseThrow();
        clock.advance(Duration.ofDays(2));
        retention.deleteExpired();
        assertThat(resetting.linkUsable(link.substring(link.lastIndexOf('/') + 1)))
                .isFalse();
    }

    private AccountId activeAccount(String email) {
        return signingUp.createActive(email, "Active Person", Fixtures.PASSWORD, Language.ENGLISH, false);
    }
}

package org.chorus.signons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.chorus.statements.StatementId;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The count job recounts totals from the sign-ons. Each test adds its sign-ons and counts in one transaction holding
 * the count lock ({@link SignOnRows#counted}), so the job running in the background cannot count them first.
 */
@ChorusModuleTest
class CountingSignOnsTest {

    @Autowired
    CountingSignOns counting;

    @Autowired
    ReadingSignOns reading;

    @Autowired
    SignOnRows rows;

    @Autowired
    SignOnCounts counts;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void totals_are_what_the_job_last_counted_of_listed_sign_ons_only() {
        var statement = rows.opened(Fixtures.unique("Counted")).id();
        var named = new SignOnId[1];
        var changed = rows.counted(() -> {
            rows.organization(statement, "Friends of Rivers", "KE", "https://rivers.example", "");
            rows.organization(statement, "Amis des rivières", "FR", null, null);
            rows.organization(statement, "Rivers Kenya", "KE", null, null);
            rows.organization(statement, "Waiting Union", "BR", SignOnStatus.CONFIRMED);
            rows.organization(statement, "Refused Corp", "US", SignOnStatus.REJECTED);
            named[0] = rows.person(statement, "Ana Lima", "Union", "Organizer", "BR", true);
            rows.person(statement, "Not Shown", null, null, "PE", false);
            rows.person(statement, "Not Confirmed", "CL", SignOnStatus.PENDING);
            assertThat(reading.totals(statement))
                    .as("nothing counted yet")
                    .contains(new SignOnTotals(0, 0, 0, WhoMaySign.BOTH, true));
        });
        assertThat(changed).contains(statement);
        assertThat(reading.totals(statement)).contains(new SignOnTotals(3, 2, 2, WhoMaySign.BOTH, true));

        assertThat(rows.counted(() -> {}))
                .as("a second run counts nothing twice")
                .doesNotContain(statement);
        assertThat(reading.totals(statement)).contains(new SignOnTotals(3, 2, 2, WhoMaySign.BOTH, true));

        assertThat(rows.counted(() -> rows.withdraw(named[0]))).contains(statement);
        assertThat(reading.totals(statement)).contains(new SignOnTotals(3, 2, 1, WhoMaySign.BOTH, true));
    }

    @Autowired
    Fixtures fixtures;

    @Autowired
    org.chorus.statements.StatementFixtures statements;

    @Autowired
    OpeningSignOns opening;

    @Autowired
    ModeratingSignOns moderating;

    @Autowired
    SignOnRetention retention;

    @Autowired
    org.chorus.support.TestClock clock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void retention_keeps_the_totals_and_a_later_change_to_a_sign_on_is_counted_again() {
        var issuer = fixtures.coalition();
        var owner = statements.ownerOf(issuer);
        var choices = new SignOnOpening.Choices(WhoMaySign.BOTH, null, true, true, false, "", 30);
        var statement = rows.opened(issuer, Fixtures.unique("Kept counts"), choices);
        var id = statement.id();
        var named = new SignOnId[1];
        var waiting = new SignOnId[1];
        rows.counted(() -> {
            rows.organization(id, "Friends of Rivers", "KE", "https://rivers.example", "");
            rows.organization(id, "Amis des rivières", "FR", null, null);
            rows.organization(id, "Rivers Kenya", "KE", null, null);
            waiting[0] = rows.organization(id, "Waiting Union", "BR", SignOnStatus.CONFIRMED);
            named[0] = rows.person(id, "Ana Lima", "Union", "Organizer", "BR", true);
            rows.person(id, "Not Shown", null, null, "PE", false);
        });
        opening.close(owner, statement.slug(), org.chorus.shared.i18n.Language.ENGLISH);
        var before = new SignOnTotals(3, 2, 2, WhoMaySign.BOTH, false);
        assertThat(reading.totals(id)).contains(before);

        clock.advance(java.time.Duration.ofDays(31));
        retention.deleteExpired();
        assertThat(jdbc.sql("select count(*) from signons where statement_id = :s and personal is not null")
                        .param("s", id.value())
                        .query(Integer.class)
                        .single())
                .as("the personal data is gone")
                .isZero();
        assertThat(rows.counted(() -> {})).doesNotContain(id);
        assertThat(reading.totals(id)).contains(before);
        assertThat(rows.counted(() -> jdbc.sql("update signon_openings set recount = true where statement_id = :s")
                        .param("s", id.value())
                        .update()))
                .as("counted again from what retention left: kind, country and status")
                .doesNotContain(id);
        assertThat(reading.totals(id)).contains(before);

        var list = reading.list(statement.slug(), "en");
        assertThat(reading.people(list, null).items())
                .as("no name is listed any more")
                .isEmpty();
        assertThat(reading.organizations(id, java.util.Locale.ENGLISH, null).items())
                .extracting(ListedOrganization::name)
                .containsExactlyInAnyOrder("Friends of Rivers", "Amis des rivières", "Rivers Kenya");
        var lines = moderating
                .signers(owner, statement.slug(), org.chorus.shared.i18n.Language.ENGLISH, null, null)
                .page()
                .items();
        assertThat(lines).hasSize(6);
        assertThat(lines).allSatisfy(l -> assertThat(l.email()).isNull());
        assertThat(lines)
                .filteredOn(l -> l.kind() == SignOnKind.PERSON)
                .allSatisfy(l -> assertThat(l.publicName()).isNull());

        assertThat(rows.counted(() -> moderating.remove(owner, statement.slug(), named[0])))
                .as("an organizer's removal after the retention is counted")
                .contains(id);
        assertThat(reading.totals(id)).contains(new SignOnTotals(3, 2, 1, WhoMaySign.BOTH, false));
        assertThat(rows.counted(() -> moderating.approve(owner, statement.slug(), waiting[0])))
                .contains(id);
        assertThat(reading.totals(id)).contains(new SignOnTotals(4, 3, 1, WhoMaySign.BOTH, false));
        assertThat(rows.counted(() -> {})).as("the mark is cleared").doesNotContain(id);
    }

    @Test
    void a_statement_never_opened_has_no_totals() {
        assertThat(reading.totals(StatementId.random())).isEmpty();
    }

    @Test
    void new_totals_make_the_statement_pages_and_the_feeds_stale_and_unchanged_ones_nothing(PublishedEvents events) {
        var statement = rows.opened(Fixtures.unique("Changed pages"));
        var other = rows.opened(Fixtures.unique("Unchanged pages"));
        rows.counted(() -> {});

        rows.counted(() -> rows.person(statement.id(), "Lou Martin", null, null, "FR", true));

        var changed = new java.util.ArrayList<SignOnCountsChanged>();
        events.ofType(SignOnCountsChanged.class)
                .matching(e -> e.statements().contains(statement.id()))
                .forEach(changed::add);
        assertThat(changed).hasSize(1);
        assertThat(changed.getFirst().statements()).doesNotContain(other.id());
        assertThat(changed.getFirst().paths())
                .contains("/s/" + statement.slug(), "/statements.atom")
                .doesNotContain("/s/" + other.slug(), "/");
    }

    @Test
    void a_run_while_another_holds_the_count_lock_counts_nothing() throws Exception {
        var statement = rows.opened(Fixtures.unique("One at a time")).id();
        var lockHeld = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var holder = executor.submit(() -> transactions.executeWithoutResult(status -> {
                assertThat(counts.lock()).isTrue();
                lockHeld.countDown();
                await(release);
            }));
            await(lockHeld);
            rows.organization(statement, "Solo Org", "GH", null, null);
            assertThat(counting.recount()).as("the other run holds the lock").isEmpty();
            release.countDown();
            holder.get();
        }
        rows.counted(() -> {});
        assertThat(reading.totals(statement).orElseThrow().organizations()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(1, TimeUnit.MINUTES)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

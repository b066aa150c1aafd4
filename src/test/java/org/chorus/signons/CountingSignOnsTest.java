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

package org.chorus.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Things created at the same moment with the same name each get their own address; none fails. */
@ChorusWebTest
class ConcurrentNamesTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    RegisteringOrganizations registering;

    @Test
    void organizations_and_statements_with_one_name_created_at_once_all_get_distinct_slugs() throws Exception {
        var coalition = fixtures.coalition();
        var owner = statements.ownerOf(coalition);
        var name = Fixtures.unique("Same Name");
        var slugs = new HashSet<String>();
        for (var slug : all(
                6,
                () -> registering
                        .registerBelow(owner, coalition.slug(), OrganizationKind.MEMBER, Fixtures.profile(name))
                        .slug())) {
            slugs.add(slug);
        }
        assertThat(slugs).hasSize(6);

        var title = Fixtures.unique("Same Title");
        var statementSlugs = new HashSet<String>(all(
                6,
                () -> statements.draft(owner, coalition, "en", title, "Text.").slug()));
        assertThat(statementSlugs).hasSize(6);
    }

    private static <T> java.util.List<T> all(int count, Callable<T> task) throws Exception {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(count)) {
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        }
    }
}

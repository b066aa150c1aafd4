package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.chorus.support.AtOnce;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Statements drafted at the same moment with the same title each get their own address; none fails. */
@ChorusModuleTest
class ConcurrentTitlesTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Test
    void statements_with_one_title_drafted_at_once_all_get_distinct_slugs() throws Exception {
        var coalition = fixtures.coalition();
        var owner = statements.ownerOf(coalition);
        var title = Fixtures.unique("Same Title");
        var slugs = new HashSet<String>(AtOnce.all(
                6,
                () -> statements.draft(owner, coalition, "en", title, "Text.").slug()));
        assertThat(slugs).hasSize(6);
    }
}

package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class SchedulingPublicationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    ReviewingStatements reviewing;

    @Autowired
    TestClock clock;

    @Test
    void a_statement_scheduled_for_tomorrow_appears_when_its_time_comes_and_not_before() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var draft = statements.draft(owner, org, "en", Fixtures.unique("Tomorrow"), "At dawn.");
        var at = clock.instant().plus(Duration.ofDays(1));
        var scheduled = reviewing.approve(owner, draft.id(), at);
        assertThat(scheduled.status()).isEqualTo(StatementStatus.SCHEDULED);

        reviewing.publishDue();
        mvc.perform(get("/s/" + draft.slug())).andExpect(status().isNotFound());

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(reviewing.publishDue()).isGreaterThanOrEqualTo(1);
        mvc.perform(get("/s/" + draft.slug())).andExpect(status().isOk());
    }
}

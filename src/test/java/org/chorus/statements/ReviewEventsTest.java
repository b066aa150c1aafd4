package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Each review step is announced once, with who took it, so the people waiting for it can be told (notifications). */
@ChorusModuleTest
@RecordApplicationEvents
class ReviewEventsTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    ReviewingStatements reviewing;

    @Autowired
    ApplicationEvents events;

    @Autowired
    TestClock clock;

    @Test
    void submitting_sending_back_with_a_comment_and_scheduling_each_announce_the_step_and_who_took_it() {
        var organization = fixtures.coalition();
        var owner = statements.ownerOf(organization);
        var writer = fixtures.person("writer");
        fixtures.grant(organization, writer, Role.EDITOR);
        var draft = statements.draft(Actor.of(writer), organization, "en", Fixtures.unique("Reviewed"), "Text.");
        var publishAt = clock.instant().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        reviewing.submit(Actor.of(writer), draft.id());
        reviewing.sendBack(owner, draft.id(), "  Cite the 2023 report.  ");
        reviewing.submit(Actor.of(writer), draft.id());
        reviewing.approve(owner, draft.id(), publishAt);

        assertThat(events.stream(StatementSubmitted.class)).hasSize(2).allSatisfy(e -> {
            assertThat(e.statement()).isEqualTo(draft.id());
            assertThat(e.issuer()).isEqualTo(organization.id());
            assertThat(e.by()).isEqualTo(writer.id());
        });
        assertThat(events.stream(StatementSentBack.class)).singleElement().satisfies(e -> {
            assertThat(e.comment()).isEqualTo("Cite the 2023 report.");
            assertThat(e.by()).isEqualTo(owner.account());
        });
        assertThat(events.stream(StatementScheduled.class)).singleElement().satisfies(e -> {
            assertThat(e.publishAt()).isEqualTo(publishAt);
            assertThat(e.by()).isEqualTo(owner.account());
        });
        assertThat(events.stream(StatementPublished.class)).as("not yet").isEmpty();
    }

    @Test
    void approving_for_now_announces_the_publication_not_a_schedule() {
        var organization = fixtures.coalition();
        var owner = statements.ownerOf(organization);

        statements.published(owner, organization, "en", Fixtures.unique("At once"), "Text.");

        assertThat(events.stream(StatementScheduled.class)).isEmpty();
        assertThat(events.stream(StatementPublished.class)).hasSize(1);
    }
}

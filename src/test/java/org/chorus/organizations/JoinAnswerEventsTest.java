package org.chorus.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The answer to an organization asking to join is announced either way, so its requester hears it. */
@ChorusModuleTest
@RecordApplicationEvents
class JoinAnswerEventsTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    RegisteringOrganizations registering;

    @Autowired
    ApplicationEvents events;

    @Test
    void turning_down_an_organization_that_asked_to_join_announces_the_rejection_and_who_decided() {
        var parent = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(parent, owner, Role.OWNER);
        var asking = fixtures.person("asking");
        var child = registering.registerBelow(
                Actor.of(asking),
                parent.slug(),
                OrganizationKind.CHAPTER,
                Fixtures.profile(Fixtures.unique("Chapter")));

        registering.decide(Actor.of(owner), child.slug(), false);

        assertThat(events.stream(OrganizationRejected.class)).singleElement().satisfies(e -> {
            assertThat(e.organization()).isEqualTo(child.id());
            assertThat(e.parent()).isEqualTo(parent.id());
            assertThat(e.by()).isEqualTo(owner.id());
        });
        assertThat(events.stream(OrganizationApproved.class)).isEmpty();
    }
}

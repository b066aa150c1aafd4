package org.chorus.follows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.follows.FollowMail.subject;
import static org.chorus.support.Eventually.eventually;

import java.util.UUID;
import org.chorus.statements.StatementFixtures;
import org.chorus.statements.StatementPublished;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;

/** Notices of new statements go through Spring Modulith's event publication registry: a failed run is not lost. */
@ChorusModuleTest
class RedeliveringNoticesTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    FollowFixtures follows;

    @Autowired
    NotifyingFollowers notifying;

    @Autowired
    IncompleteEventPublications publications;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_notice_whose_listener_failed_stays_in_the_registry_and_goes_out_once_when_resubmitted() throws Exception {
        var coalition = fixtures.coalition();
        var owner = statements.ownerOf(coalition);
        var email = Fixtures.uniqueEmail("resubmitted");
        follows.follow(email, "organization", coalition.slug(), "en", "IMMEDIATE", false);
        var follower = jdbc.sql("select follower_id from follows where organization_id = :org")
                .param("org", coalition.id().value())
                .query(UUID.class)
                .single();
        var sealed = jdbc.sql("select email from followers where id = :id")
                .param("id", follower)
                .query(byte[].class)
                .single();
        // an address that cannot be opened makes the listener throw, as a lost connection or wrong keys would
        setEmail(follower, new byte[] {1, 2, 3});

        var statement = statements.published(owner, coalition, "en", "Told at last", "We ask.");
        eventually("the failed publication stays in the registry")
                .until(() -> follows.publication(statement.id())
                        .filter(p -> p.getStatus() == EventPublication.Status.FAILED)
                        .isPresent());
        assertThat(outboxRows(statement.id().value())).isZero();

        setEmail(follower, sealed);
        publications.resubmitIncompletePublications(p ->
                p.getEvent() instanceof StatementPublished e && e.statement().equals(statement.id()));
        follows.awaitNotices(statement.id());
        var notice = TestMail.await(email, 2).get(1);
        assertThat(subject(notice)).isEqualTo(coalition.name() + ": Told at last");
        assertThat(outboxRows(statement.id().value())).isEqualTo(1);

        assertThat(notifying.notifyFollowers(statement.id()))
                .as("running the listener again queues nothing: the idempotency key is taken")
                .isZero();
        assertThat(outboxRows(statement.id().value())).isEqualTo(1);
    }

    private void setEmail(UUID follower, byte[] sealed) {
        jdbc.sql("update followers set email = :email where id = :id")
                .param("email", sealed)
                .param("id", follower)
                .update();
    }

    private long outboxRows(UUID statement) {
        return jdbc.sql("select count(*) from email_outbox where idempotency_key like :k")
                .param("k", "follows.statement:" + statement + ":%")
                .query(Long.class)
                .single();
    }
}

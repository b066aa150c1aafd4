package org.chorus.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.chorus.organizations.Actor;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ChorusModuleTest
class CommentRetentionTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    CommentFixtures comments;

    @Autowired
    ModeratingComments moderating;

    @Autowired
    CommentRetention retention;

    @Autowired
    Commenting commenting;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_rejected_comment_is_deleted_after_thirty_days_and_an_approved_one_stays() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var statement = comments.published(owner, org, true);
        var outsider = Actor.of(fixtures.person("outsider"));
        var refused = comments.post(outsider, statement, null, "Buy cheap things.");
        moderating.reject(owner, refused.id());
        var kept = comments.post(outsider, statement, null, "A fair point.");
        moderating.approve(owner, kept.id());

        retention.deleteExpired();
        assertThat(exists(refused.id())).as("too recent").isTrue();
        clock.advance(Duration.ofDays(31));
        retention.deleteExpired();
        assertThat(exists(refused.id())).isFalse();
        assertThat(exists(kept.id())).isTrue();
    }

    @Test
    void the_ids_of_used_form_stamps_are_kept_until_the_stamps_expire() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var statement = comments.published(owner, org, true);
        var signals = comments.person("192.0.2.30");
        commenting.post(Actor.of(fixtures.person("writer")), statement.slug(), null, "Once.", signals);
        var id = signals.formStamp().split("\\.")[1];

        retention.deleteExpired();
        assertThat(usedStamp(id)).as("still refused").isOne();
        clock.advance(FormStamps.MAX_AGE.plusMinutes(1));
        retention.deleteExpired();
        assertThat(usedStamp(id)).as("expired: refused as expired anyway").isZero();
    }

    private int usedStamp(String id) {
        return jdbc.sql("select count(*) from comment_form_stamps_used where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    private boolean exists(CommentId id) {
        return jdbc.sql("select count(*) from comments where id = :id")
                        .param("id", id.value())
                        .query(Integer.class)
                        .single()
                == 1;
    }
}

package org.chorus.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Each moderation decision and ban is announced once with the moderator who made it, for the audit log. */
@ChorusModuleTest
@RecordApplicationEvents
class ModerationEventsTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    CommentFixtures comments;

    @Autowired
    ModeratingComments moderating;

    @Autowired
    ApplicationEvents events;

    @Test
    void approving_rejecting_and_marking_spam_announce_the_decision_and_the_moderator() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var moderator = fixtures.person("moderator");
        fixtures.grant(org, moderator, Role.MODERATOR);
        var statement = comments.published(owner, org, true);
        var reader = Actor.of(fixtures.person("reader"));
        var approved = comments.post(reader, statement, null, "Well said.");
        var rejected = comments.post(reader, statement, null, "Off topic.");
        var spam = comments.post(reader, statement, null, "Cheap pills.");

        moderating.approve(Actor.of(moderator), approved.id());
        moderating.reject(Actor.of(moderator), rejected.id());
        moderating.markSpam(Actor.of(moderator), spam.id());

        assertThat(events.stream(CommentModerated.class))
                .extracting(CommentModerated::comment, CommentModerated::decision, CommentModerated::moderator)
                .containsExactly(
                        tuple(approved.id(), CommentModerated.Decision.APPROVED, moderator.id()),
                        tuple(rejected.id(), CommentModerated.Decision.REJECTED, moderator.id()),
                        tuple(spam.id(), CommentModerated.Decision.SPAM, moderator.id()));
        assertThat(events.stream(CommentModerated.class))
                .allSatisfy(e -> assertThat(e.organization()).isEqualTo(org.id()));
    }

    @Test
    void banning_the_author_of_a_comment_announces_who_was_banned_and_by_whom() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var statement = comments.published(owner, org, true);
        var reader = Actor.of(fixtures.person("banned"));
        var comment = comments.post(reader, statement, null, "Again and again.");

        moderating.banAuthor(owner, comment.id());

        assertThat(events.stream(CommenterBanned.class)).singleElement().satisfies(e -> {
            assertThat(e.organization()).isEqualTo(org.id());
            assertThat(e.account()).isEqualTo(reader.account());
            assertThat(e.moderator()).isEqualTo(owner.account());
        });
    }

    @Test
    void a_comment_from_outside_the_organization_enters_the_queue_announced_once_and_an_insiders_does_not() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var statement = comments.published(owner, org, true);
        var reader = Actor.of(fixtures.person("reader"));

        var waiting = comments.post(reader, statement, null, "What about the north?");
        comments.post(owner, statement, null, "We answer below.");

        assertThat(events.stream(CommentAwaitsModeration.class)).singleElement().satisfies(e -> {
            assertThat(e.comment()).isEqualTo(waiting.id());
            assertThat(e.statement()).isEqualTo(statement.id());
            assertThat(e.organization()).isEqualTo(org.id());
            assertThat(e.author()).isEqualTo(reader.account());
        });
    }
}

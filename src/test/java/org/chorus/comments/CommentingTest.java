package org.chorus.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.PermissionDenied;
import org.chorus.statements.Statement;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ChorusModuleTest
class CommentingTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    CommentFixtures comments;

    @Autowired
    Commenting commenting;

    @Autowired
    ModeratingComments moderating;

    @Autowired
    ReadingComments reading;

    @Autowired
    FormStamps stamps;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    Organization organization;
    Actor owner;
    Actor moderator;
    Statement statement;

    @BeforeEach
    void an_organization_with_a_statement_open_to_comments() {
        organization = fixtures.coalition();
        owner = statements.ownerOf(organization);
        var person = fixtures.person("moderator");
        fixtures.grant(organization, person, Role.MODERATOR);
        moderator = Actor.of(person);
        statement = comments.published(owner, organization, true);
    }

    Actor outsider() {
        return Actor.of(fixtures.person("outsider"));
    }

    @Test
    void an_outsiders_comment_waits_for_a_moderator_and_is_shown_once_approved() {
        var comment = comments.post(outsider(), statement, null, "Count me in.");
        assertThat(comment.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(reading.page(null, statement.slug()).threads()).isEmpty();
        assertThat(moderating.queue(moderator, organization.id()).items())
                .extracting(i -> i.comment().id(), ModerationQueue.Item::statementSlug)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(comment.id(), statement.slug()));

        moderating.approve(moderator, comment.id());

        assertThat(reading.page(null, statement.slug()).threads())
                .extracting(t -> t.comment().body())
                .containsExactly("Count me in.");
        assertThat(moderating.queue(moderator, organization.id()).items()).isEmpty();
    }

    @Test
    void a_members_comment_is_shown_at_once() {
        var member = fixtures.person("member");
        fixtures.grant(organization, member, Role.MEMBER);
        var comment = comments.post(Actor.of(member), statement, null, "We will be there.");
        assertThat(comment.status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(comment.authorName()).isEqualTo(member.displayName());
        assertThat(reading.page(null, statement.slug()).threads())
                .extracting(t -> t.comment().id())
                .containsExactly(comment.id());
        assertThat(moderating.queue(moderator, organization.id()).items()).isEmpty();
    }

    @Test
    void replies_are_one_level_deep_a_reply_to_a_reply_joins_the_first_comment() {
        var first = comments.post(owner, statement, null, "First.");
        var reply = comments.post(owner, statement, first.id(), "A reply.");
        var replyToReply = comments.post(owner, statement, reply.id(), "A reply to the reply.");
        var second = comments.post(owner, statement, null, "Second.");

        assertThat(reply.parent()).isEqualTo(first.id());
        assertThat(replyToReply.parent()).isEqualTo(first.id());
        var threads = reading.page(null, statement.slug()).threads();
        assertThat(threads).extracting(t -> t.comment().id()).containsExactly(first.id(), second.id());
        assertThat(threads.getFirst().replies())
                .extracting(Comment::body)
                .containsExactly("A reply.", "A reply to the reply.");
        assertThat(threads.get(1).replies()).isEmpty();
    }

    @Test
    void nobody_comments_where_comments_are_off_or_on_a_statement_not_yet_published() {
        var closed = comments.published(owner, organization, false);
        assertThatThrownBy(() -> comments.post(owner, closed, null, "Hello."))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.messageKey()).isEqualTo("comment.disabled");
                });
        var draft = comments.draft(owner, organization, true);
        assertThatThrownBy(() -> comments.post(owner, draft, null, "Hello."))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.messageKey()).isEqualTo("comment.statement-not-public");
                });
        // for people who may not see the draft it does not exist
        assertThatThrownBy(() -> comments.post(outsider(), draft, null, "Hello."))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_banned_person_cannot_comment_and_what_they_had_waiting_is_rejected() {
        var troll = outsider();
        var waiting = comments.post(troll, statement, null, "First provocation.");
        moderating.banAuthor(moderator, waiting.id());

        assertThat(reading.comment(waiting.id()).status()).isEqualTo(CommentStatus.REJECTED);
        assertThatThrownBy(() -> comments.post(troll, statement, null, "Again."))
                .isInstanceOfSatisfying(
                        PermissionDenied.class, e -> assertThat(e.messageKey()).isEqualTo("comment.banned"));
        assertThat(reading.page(troll, statement.slug()).banned()).isTrue();
        // banned by this organization only
        var elsewhere = fixtures.coalition();
        var other = comments.published(statements.ownerOf(elsewhere), elsewhere, true);
        assertThat(comments.post(troll, other, null, "Elsewhere.").status()).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void a_filled_honeypot_is_answered_as_if_accepted_but_nothing_is_stored() {
        var robot = outsider();
        var answer = commenting.post(
                robot,
                statement.slug(),
                null,
                "Buy now",
                new SpamSignals("http://spam.example", comments.stampFilledInUnhurried(), "192.0.2.1"));
        assertThat(answer.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(commentsBy(robot)).isZero();
        assertThat(moderating.queue(moderator, organization.id()).items()).isEmpty();
    }

    @Test
    void a_form_sent_too_fast_or_without_its_signed_stamp_is_refused() {
        var person = outsider();
        assertThatThrownBy(() -> commenting.post(
                        person, statement.slug(), null, "Quick!", new SpamSignals("", stamps.issue(), "192.0.2.1")))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("comment.too-fast"));
        assertThatThrownBy(() -> commenting.post(
                        person, statement.slug(), null, "Forged", new SpamSignals("", "1.abc", "192.0.2.1")))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("comment.form-invalid"));
        assertThat(commentsBy(person)).isZero();
    }

    @Test
    void a_form_stamp_brings_in_one_comment_and_is_refused_the_second_time() {
        var person = outsider();
        var signals = comments.person("192.0.2.1");
        commenting.post(person, statement.slug(), null, "Once.", signals);

        assertThatThrownBy(() -> commenting.post(person, statement.slug(), null, "Twice.", signals))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("comment.form-used"));
        assertThat(commentsBy(person)).isOne();
        commenting.post(person, statement.slug(), null, "Twice, from a new form.", comments.person("192.0.2.1"));
        assertThat(commentsBy(person)).isEqualTo(2);
    }

    @Test
    void a_form_refused_for_a_mistake_leaves_its_stamp_unspent() {
        var person = outsider();
        var signals = comments.person("192.0.2.1");
        assertThatThrownBy(() -> commenting.post(person, statement.slug(), null, " ", signals))
                .isInstanceOf(InvalidField.class);

        commenting.post(person, statement.slug(), null, "Now with words.", signals);
        assertThat(commentsBy(person)).isOne();
    }

    @Test
    void a_comment_with_more_than_two_links_is_refused() {
        var person = outsider();
        assertThatThrownBy(() -> comments.post(
                        person, statement, null, "See https://a.example, http://b.example and www.c.example"))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("comment.too-many-links"));
        assertThat(comments.post(person, statement, null, "See https://a.example and www.c.example")
                        .status())
                .isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void the_author_edits_within_fifteen_minutes_and_not_after() {
        var author = outsider();
        var comment = comments.post(author, statement, null, "Tpyo.");
        var edited = commenting.edit(author, comment.id(), "Typo.");
        assertThat(edited.body()).isEqualTo("Typo.");
        assertThat(edited.editedAt()).isNotNull();
        assertThatThrownBy(() -> commenting.edit(outsider(), comment.id(), "Not mine."))
                .isInstanceOf(PermissionDenied.class);

        clock.advance(Duration.ofMinutes(16));

        assertThatThrownBy(() -> commenting.edit(author, comment.id(), "Too late."))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.messageKey()).isEqualTo("comment.edit-window-closed");
                });
        assertThat(reading.comment(comment.id()).body()).isEqualTo("Typo.");
    }

    @Test
    void an_outsiders_approved_comment_edited_goes_back_to_the_queue() {
        var author = outsider();
        var comment = comments.post(author, statement, null, "Harmless.");
        moderating.approve(moderator, comment.id());
        assertThat(commenting.edit(author, comment.id(), "Something else.").status())
                .isEqualTo(CommentStatus.PENDING);
        assertThat(reading.page(null, statement.slug()).threads()).isEmpty();
    }

    @Test
    void reporting_abuse_puts_a_shown_comment_in_the_queue_once_per_person() {
        var comment = comments.post(owner, statement, null, "Shown at once.");
        var reader = outsider();
        commenting.report(reader, comment.id(), "Offensive");
        commenting.report(reader, comment.id(), "Offensive, again");
        var queue = moderating.queue(moderator, organization.id()).items();
        assertThat(queue).extracting(i -> i.comment().id()).containsExactly(comment.id());
        assertThat(queue.getFirst().comment().reports()).isEqualTo(1);

        moderating.reject(moderator, comment.id());
        assertThat(moderating.queue(moderator, organization.id()).items()).isEmpty();
        assertThat(reading.page(null, statement.slug()).threads()).isEmpty();
    }

    @Test
    void no_address_is_stored_only_a_hash_of_its_network_prefix() {
        var person = outsider();
        commenting.post(person, statement.slug(), null, "Hello.", comments.person("203.0.113.77"));
        var network = jdbc.sql("select network from comments where author_id = :a")
                .param("a", person.account().value())
                .query(String.class)
                .single();
        assertThat(network)
                .matches("[0-9a-f]{64}")
                .doesNotContain("203.0.113")
                .isNotEqualTo(org.chorus.shared.SecretToken.hash("203.0.113.77"))
                // keyed, so trying every /24 against a copy of the database finds nothing
                .isNotEqualTo(org.chorus.shared.SecretToken.hash("203.0.113.0/24"));
        var row = jdbc.sql("select c::text from comments c where c.author_id = :a")
                .param("a", person.account().value())
                .query(String.class)
                .single();
        assertThat(row).doesNotContain("203.0.113");
    }

    private long commentsBy(Actor actor) {
        return jdbc.sql("select count(*) from comments where author_id = :a")
                .param("a", actor.account().value())
                .query(Long.class)
                .single();
    }
}

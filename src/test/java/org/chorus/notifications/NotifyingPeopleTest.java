package org.chorus.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chorus.support.Eventually.eventually;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.chorus.organizations.Actor;
import org.chorus.organizations.ManagingMembers;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationKind;
import org.chorus.organizations.RegisteringOrganizations;
import org.chorus.organizations.Role;
import org.chorus.shared.InvalidField;
import org.chorus.shared.i18n.Messages;
import org.chorus.statements.CoIssueAnswered;
import org.chorus.statements.CoIssueRequested;
import org.chorus.statements.ReviewingStatements;
import org.chorus.statements.Statement;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestClock;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each workflow step reaches the people who must act (a task, and an email as they prefer) and the people who waited
 * for it; a task closes when its step is done.
 */
@ChorusModuleTest
class NotifyingPeopleTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    org.chorus.statements.WritingStatements writing;

    @Autowired
    ReviewingStatements reviewing;

    @Autowired
    ManagingMembers members;

    @Autowired
    RegisteringOrganizations registering;

    @Autowired
    ReadingTasks tasks;

    @Autowired
    NotificationSettings settings;

    @Autowired
    SendingSummaries summaries;

    @Autowired
    MessageSource messages;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TestClock clock;

    /** An organization with an owner, a designated reviewer (an editor) and a writer (another editor). */
    record Team(
            Organization organization,
            Actor owner,
            String ownerEmail,
            Actor reviewer,
            String reviewerEmail,
            Actor writer,
            String writerEmail) {}

    Team team() {
        var organization = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(organization, owner, Role.OWNER);
        var reviewer = fixtures.person("reviewer");
        fixtures.grant(organization, reviewer, Role.EDITOR);
        members.designateReviewer(Actor.of(owner), organization.id(), reviewer.id(), true);
        var writer = fixtures.person("writer");
        fixtures.grant(organization, writer, Role.EDITOR);
        return new Team(
                organization,
                Actor.of(owner),
                owner.email(),
                Actor.of(reviewer),
                reviewer.email(),
                Actor.of(writer),
                writer.email());
    }

    @Test
    void a_statement_submitted_for_review_is_a_task_and_an_email_for_its_owners_and_reviewers_not_its_writer() {
        var team = team();
        var statement = submitted(team, "Rivers belong to everyone");

        awaitOpen(team.owner(), 1);
        awaitOpen(team.reviewer(), 1);
        var mail = TestMail.awaitOne(team.reviewerEmail());
        assertThat(subject(mail)).contains(title(statement)).contains("waits for review");
        assertThat(ReceivedMail.text(mail)).contains("/s/" + statement.slug());
        assertThat(TestMail.awaitOne(team.ownerEmail())).isNotNull();
        assertThat(tasks.count(team.writer())).isZero();
        assertThat(TestMail.to(team.writerEmail())).isEmpty();
    }

    @Test
    void sending_back_closes_the_reviewers_tasks_and_emails_the_writer_the_comment_then_publishing_tells_the_writer() {
        var team = team();
        var statement = submitted(team, "Fund the future");
        awaitOpen(team.reviewer(), 1);

        reviewing.sendBack(team.reviewer(), statement.id(), "Please cite the 2023 report.");

        awaitOpen(team.reviewer(), 0);
        awaitOpen(team.owner(), 0);
        var sentBack = TestMail.awaitOne(team.writerEmail());
        assertThat(subject(sentBack)).contains("was sent back to you");
        assertThat(ReceivedMail.text(sentBack))
                .contains("Please cite the 2023 report.")
                .contains("/s/" + statement.slug() + "/edit");

        reviewing.submit(team.writer(), statement.id());
        awaitOpen(team.owner(), 1);
        reviewing.approve(team.owner(), statement.id(), null);

        awaitOpen(team.owner(), 0);
        awaitOpen(team.reviewer(), 0);
        var published = TestMail.await(team.writerEmail(), 2).getLast();
        assertThat(subject(published)).contains(title(statement)).contains("is published");
    }

    @Test
    void a_scheduled_approval_closes_the_task_and_tells_the_writer_when_it_will_be_published() {
        var team = team();
        var statement = submitted(team, "Pay the debt");
        awaitOpen(team.owner(), 1);

        reviewing.approve(team.owner(), statement.id(), clock.instant().plus(Duration.ofDays(2)));

        awaitOpen(team.owner(), 0);
        awaitOpen(team.reviewer(), 0);
        assertThat(subject(TestMail.awaitOne(team.writerEmail()))).contains("will be published on");
    }

    @Test
    void each_email_is_written_in_the_recipients_language() {
        var team = team();
        var french = fixtures.person("relectrice");
        fixtures.grant(team.organization(), french, Role.OWNER);
        frenchAccount(french.id());

        submitted(team, "Les rivières");

        assertThat(subject(TestMail.awaitOne(french.email()))).contains("attend une relecture");
    }

    @Test
    void someone_who_chose_no_email_gets_the_task_but_no_email() {
        var team = team();
        settings.change(team.reviewer(), "NONE");

        submitted(team, "Quiet reviewer");

        awaitOpen(team.reviewer(), 1);
        TestMail.awaitOne(team.ownerEmail());
        assertThat(TestMail.to(team.reviewerEmail())).isEmpty();
    }

    @Test
    void someone_who_chose_a_daily_summary_gets_one_email_a_day_with_every_step_since_the_last() {
        var team = team();
        settings.change(team.reviewer(), "daily");
        var first = submitted(team, "First of the day");
        var second = submitted(team, "Second of the day");
        awaitOpen(team.reviewer(), 2);
        assertThat(TestMail.to(team.reviewerEmail())).as("nothing at once").isEmpty();

        var today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        summaries.sendDue(today);
        summaries.sendDue(today);

        var summary = TestMail.awaitOne(team.reviewerEmail());
        assertThat(subject(summary)).contains("daily summary").contains("2 steps");
        assertThat(ReceivedMail.text(summary)).contains(title(first)).contains(title(second));

        var third = submitted(team, "Third of the day");
        awaitOpen(team.reviewer(), 3);
        summaries.sendDue(today);
        assertThat(TestMail.to(team.reviewerEmail())).as("one summary a day").hasSize(1);

        // the next day, without moving the clock under the mail engine's leases
        summaries.sendDue(today.plusDays(1));
        var next = TestMail.await(team.reviewerEmail(), 2).getLast();
        assertThat(ReceivedMail.text(next)).contains(title(third)).doesNotContain(title(first));
    }

    @Test
    void an_unknown_preference_is_refused() {
        var team = team();
        assertThatThrownBy(() -> settings.change(team.writer(), "hourly")).isInstanceOf(InvalidField.class);
        assertThat(settings.frequency(team.writer())).isEqualTo(Frequency.EACH);
    }

    @Test
    void an_organization_asking_to_join_is_a_task_for_the_parents_owners_until_rejected_and_the_requester_hears_it() {
        var parent = fixtures.coalition();
        var owner = statements.ownerOf(parent);
        var ownerEmail = fixtures.user(owner.account()).email();
        var asking = fixtures.person("asking");
        var child = registering.registerBelow(
                Actor.of(asking),
                parent.slug(),
                OrganizationKind.CHAPTER,
                Fixtures.profile(Fixtures.unique("Chapter")));

        awaitOpen(owner, 1);
        assertThat(subject(TestMail.awaitOne(ownerEmail)))
                .contains(child.name())
                .contains("asks to join");
        var described = tasks.of(owner, english(), Locale.ENGLISH).open().getFirst();
        assertThat(described.path()).isEqualTo("/o/" + parent.slug() + "/manage");

        registering.decide(owner, child.slug(), false);

        awaitOpen(owner, 0);
        assertThat(subject(TestMail.awaitOne(asking.email()))).contains("declined the request of " + child.name());
    }

    @Test
    void an_approved_organization_closes_the_task_and_its_requester_hears_it() {
        var parent = fixtures.coalition();
        var owner = statements.ownerOf(parent);
        var asking = fixtures.person("asking");
        var child = registering.registerBelow(
                Actor.of(asking),
                parent.slug(),
                OrganizationKind.CHAPTER,
                Fixtures.profile(Fixtures.unique("Chapter")));
        awaitOpen(owner, 1);

        registering.decide(owner, child.slug(), true);

        awaitOpen(owner, 0);
        assertThat(subject(TestMail.awaitOne(asking.email()))).contains("approved " + child.name());
    }

    @Test
    void a_comment_waiting_for_moderation_is_a_task_for_the_moderators_until_a_moderator_decides() {
        var organization = fixtures.coalition();
        var owner = statements.ownerOf(organization);
        var moderator = fixtures.person("moderator");
        fixtures.grant(organization, moderator, Role.MODERATOR);
        var editor = fixtures.person("editor");
        fixtures.grant(organization, editor, Role.EDITOR);
        var draft = writing.draft(
                owner,
                organization.id(),
                new org.chorus.statements.StatementDraft(
                        "en",
                        Fixtures.unique("Open to comments"),
                        "",
                        "We want to hear from you.",
                        null,
                        null,
                        null,
                        true,
                        List.of(),
                        List.of()));
        var statement = reviewing.approve(owner, draft.id(), null);
        var reader = Actor.of(fixtures.person("reader"));

        var comment = org.chorus.comments.CommentId.random();
        transactions.executeWithoutResult(status -> events.publishEvent(new org.chorus.comments.CommentAwaitsModeration(
                comment, statement.id(), organization.id(), reader.account(), clock.instant())));

        awaitOpen(Actor.of(moderator), 1);
        awaitOpen(owner, 1);
        assertThat(subject(TestMail.awaitOne(moderator.email()))).contains("waits for moderation");
        assertThat(tasks.count(Actor.of(editor))).as("editors do not moderate").isZero();

        transactions.executeWithoutResult(status -> events.publishEvent(new org.chorus.comments.CommentModerated(
                comment,
                statement.id(),
                organization.id(),
                moderator.id(),
                org.chorus.comments.CommentModerated.Decision.APPROVED,
                clock.instant())));

        awaitOpen(Actor.of(moderator), 0);
        awaitOpen(owner, 0);
    }

    @Test
    void a_co_issue_request_is_a_task_for_the_invited_organizations_publishers_and_its_answer_reaches_the_requester() {
        var team = team();
        var invited = fixtures.coalition();
        var invitedOwner = statements.ownerOf(invited);
        var invitedOwnerEmail = fixtures.user(invitedOwner.account()).email();
        var statement =
                statements.draft(team.writer(), team.organization(), "en", Fixtures.unique("Together"), "Text.");

        transactions.executeWithoutResult(status -> events.publishEvent(new CoIssueRequested(
                statement.id(),
                team.organization().id(),
                invited.id(),
                team.writer().account(),
                clock.instant())));

        awaitOpen(invitedOwner, 1);
        assertThat(subject(TestMail.awaitOne(invitedOwnerEmail)))
                .contains(team.organization().name() + " asks " + invited.name() + " to co-issue");
        assertThat(tasks.count(team.owner()))
                .as("the issuer's owners have nothing to do")
                .isZero();

        transactions.executeWithoutResult(status -> events.publishEvent(new CoIssueAnswered(
                statement.id(),
                team.organization().id(),
                invited.id(),
                true,
                invitedOwner.account(),
                clock.instant())));

        awaitOpen(invitedOwner, 0);
        assertThat(subject(TestMail.awaitOne(team.writerEmail()))).contains(invited.name() + " accepted to co-issue");
    }

    @Test
    void an_event_delivered_twice_is_one_task_and_one_email() {
        var team = team();
        var statement = statements.draft(team.writer(), team.organization(), "en", Fixtures.unique("Twice"), "Text.");
        var at = clock.instant();
        for (int i = 0; i < 2; i++) {
            transactions.executeWithoutResult(
                    status -> events.publishEvent(new org.chorus.statements.StatementSubmitted(
                            statement.id(),
                            team.organization().id(),
                            team.writer().account(),
                            at)));
        }

        awaitOpen(team.owner(), 1);
        TestMail.awaitOne(team.ownerEmail());
        submitted(team, "A later one");
        awaitOpen(team.owner(), 2);
        TestMail.await(team.ownerEmail(), 2);
        assertThat(TestMail.to(team.ownerEmail())).hasSize(2);
    }

    private Statement submitted(Team team, String title) {
        var draft = statements.draft(team.writer(), team.organization(), "en", Fixtures.unique(title), "Text.");
        return reviewing.submit(team.writer(), draft.id());
    }

    private void awaitOpen(Actor person, int count) {
        eventually(count + " open task(s)").until(() -> tasks.count(person) == count);
    }

    private Messages english() {
        return new Messages(messages, Locale.ENGLISH);
    }

    @Autowired
    org.chorus.statements.ReadingStatements reading;

    private String title(Statement statement) {
        return reading.links(List.of(statement.id())).get(statement.id()).title();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    org.chorus.accounts.EditingProfiles profiles;

    private void frenchAccount(org.chorus.accounts.AccountId account) {
        profiles.update(account, "Personne relectrice", org.chorus.shared.i18n.Language.FRENCH);
    }
}

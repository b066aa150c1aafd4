package org.chorus.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.comments.CommentAwaitsModeration;
import org.chorus.comments.CommentModerated;
import org.chorus.comments.CommentPermission;
import org.chorus.comments.CommenterBanned;
import org.chorus.organizations.OrganizationApproved;
import org.chorus.organizations.OrganizationId;
import org.chorus.organizations.OrganizationPermission;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.organizations.OrganizationRegistered;
import org.chorus.organizations.OrganizationRejected;
import org.chorus.statements.CoIssueAnswered;
import org.chorus.statements.CoIssueRequested;
import org.chorus.statements.StatementId;
import org.chorus.statements.StatementPermission;
import org.chorus.statements.StatementPublished;
import org.chorus.statements.StatementScheduled;
import org.chorus.statements.StatementSentBack;
import org.chorus.statements.StatementSubmitted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the workflow events of the modules below into notices, each after its change committed, in a transaction of
 * its own: a task for the people who must act (owners, designated reviewers, moderators, as the permission the step
 * needs says), news for the people who waited (the writer, the requester), and the tasks of a done step closed.
 */
@Component
class NotifyingPeople {

    private final Telling telling;
    private final Notices notices;
    private final OrganizationPermissions permissions;
    private final Clock clock;

    NotifyingPeople(Telling telling, Notices notices, OrganizationPermissions permissions, Clock clock) {
        this.telling = telling;
        this.notices = notices;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** A webhook endpoint turned off for failing: its organization's owners hear of it, to mend the receiver. */
    @ApplicationModuleListener
    void on(org.chorus.webhooks.WebhookEndpointDisabled event) {
        telling.tell(
                permissions.holders(event.organization(), org.chorus.webhooks.WebhookPermission.MANAGE_WEBHOOKS),
                null,
                Notice.Step.about(NoticeKind.WEBHOOK_DISABLED, event.endpoint()).in(event.organization()),
                "webhook-disabled:" + event.endpoint() + ":" + event.at().toEpochMilli(),
                Instant.EPOCH,
                null);
    }

    @ApplicationModuleListener
    void on(OrganizationRegistered event) {
        if (!event.pending() || event.parent() == null) {
            return;
        }
        telling.tell(
                permissions.holders(event.parent(), OrganizationPermission.APPROVE_CHILDREN),
                event.by(),
                Notice.Step.about(
                                NoticeKind.ORGANIZATION_ASKS_TO_JOIN,
                                event.organization().value())
                        .in(event.parent())
                        .by(event.by()),
                "organization-asks:" + event.organization().value(),
                Instant.EPOCH,
                null);
    }

    @ApplicationModuleListener
    void on(OrganizationApproved event) {
        decided(event.organization(), event.parent(), event.by(), NoticeKind.ORGANIZATION_APPROVED);
    }

    @ApplicationModuleListener
    void on(OrganizationRejected event) {
        decided(event.organization(), event.parent(), event.by(), NoticeKind.ORGANIZATION_REJECTED);
    }

    /** The parent's owners' task is done; the asking organization's owners (its requester first) hear the answer. */
    private void decided(OrganizationId child, OrganizationId parent, AccountId by, NoticeKind answer) {
        notices.close(NoticeKind.ORGANIZATION_ASKS_TO_JOIN, child.value(), clock.instant());
        telling.tell(
                permissions.holders(child, OrganizationPermission.CHANGE_ROLES),
                by,
                Notice.Step.about(answer, child.value()).in(parent),
                "organization-" + answer.name() + ":" + child.value(),
                Instant.EPOCH,
                null);
    }

    @ApplicationModuleListener
    void on(StatementSubmitted event) {
        telling.tell(
                permissions.holders(event.issuer(), StatementPermission.PUBLISH_STATEMENTS),
                event.by(),
                Notice.Step.about(
                                NoticeKind.STATEMENT_IN_REVIEW,
                                event.statement().value())
                        .in(event.issuer())
                        .on(event.statement())
                        .by(event.by()),
                "review:" + event.statement().value() + ":" + event.at().toEpochMilli(),
                event.at(),
                null);
    }

    @ApplicationModuleListener
    void on(StatementSentBack event) {
        reviewed(
                event.statement(),
                event.issuer(),
                event.by(),
                Notice.Step.about(
                        NoticeKind.STATEMENT_SENT_BACK, event.statement().value()),
                "sent-back:" + event.statement().value() + ":" + event.at().toEpochMilli(),
                event.at(),
                event.comment());
    }

    @ApplicationModuleListener
    void on(StatementScheduled event) {
        reviewed(
                event.statement(),
                event.issuer(),
                event.by(),
                Notice.Step.about(
                                NoticeKind.STATEMENT_SCHEDULED,
                                event.statement().value())
                        .at(event.publishAt()),
                "scheduled:" + event.statement().value() + ":" + event.at().toEpochMilli(),
                event.at(),
                null);
    }

    /** Imports and republications are not review steps; a statement written here tells its writer it is out. */
    @ApplicationModuleListener
    void on(StatementPublished event) {
        if (event.kind() == StatementPublished.Kind.IMPORT) {
            return;
        }
        var now = clock.instant();
        reviewed(
                event.statement(),
                event.issuer(),
                event.by(),
                Notice.Step.about(
                        NoticeKind.STATEMENT_PUBLISHED, event.statement().value()),
                "published:" + event.statement().value(),
                now,
                null);
    }

    /** The reviewers' task is done; the writer who last submitted it hears what became of it. */
    private void reviewed(
            StatementId statement,
            OrganizationId issuer,
            AccountId by,
            Notice.Step step,
            String key,
            Instant at,
            String comment) {
        notices.close(NoticeKind.STATEMENT_IN_REVIEW, statement.value(), at);
        var writer = notices.latestRequester(NoticeKind.STATEMENT_IN_REVIEW, statement.value());
        if (writer.isEmpty()) {
            return;
        }
        telling.tell(List.of(writer.get()), by, step.in(issuer).on(statement), key, at, comment);
    }

    @ApplicationModuleListener
    void on(CoIssueRequested event) {
        telling.tell(
                permissions.holders(event.invited(), StatementPermission.ANSWER_CO_ISSUE_REQUESTS),
                event.by(),
                Notice.Step.about(NoticeKind.CO_ISSUE_REQUESTED, coIssue(event.statement(), event.invited()))
                        .in(event.invited())
                        .with(event.issuer())
                        .on(event.statement())
                        .by(event.by()),
                "co-issue:" + event.statement().value() + ":" + event.invited().value() + ":"
                        + event.at().toEpochMilli(),
                event.at(),
                null);
    }

    @ApplicationModuleListener
    void on(CoIssueAnswered event) {
        var request = coIssue(event.statement(), event.invited());
        notices.close(NoticeKind.CO_ISSUE_REQUESTED, request, event.at());
        var requester = notices.latestRequester(NoticeKind.CO_ISSUE_REQUESTED, request);
        if (requester.isEmpty()) {
            return;
        }
        var answer = event.accepted() ? NoticeKind.CO_ISSUE_ACCEPTED : NoticeKind.CO_ISSUE_DECLINED;
        telling.tell(
                List.of(requester.get()),
                event.by(),
                Notice.Step.about(answer, request)
                        .in(event.invited())
                        .with(event.issuer())
                        .on(event.statement()),
                "co-issue-" + answer.name() + ":" + request + ":" + event.at().toEpochMilli(),
                event.at(),
                null);
    }

    /** A co-issue request is one per statement and invited organization. */
    static UUID coIssue(StatementId statement, OrganizationId invited) {
        return UUID.nameUUIDFromBytes(
                ("co-issue:" + statement.value() + ":" + invited.value()).getBytes(StandardCharsets.UTF_8));
    }

    @ApplicationModuleListener
    void on(CommentAwaitsModeration event) {
        telling.tell(
                permissions.holders(event.organization(), CommentPermission.MODERATE_COMMENTS),
                event.author(),
                Notice.Step.about(
                                NoticeKind.COMMENT_AWAITS_MODERATION,
                                event.comment().value())
                        .in(event.organization())
                        .on(event.statement())
                        .by(event.author()),
                "comment:" + event.comment().value() + ":" + event.at().toEpochMilli(),
                event.at(),
                null);
    }

    @ApplicationModuleListener
    void on(CommentModerated event) {
        notices.close(NoticeKind.COMMENT_AWAITS_MODERATION, event.comment().value(), event.at());
    }

    /** A ban rejects what the person still had waiting: those tasks are done too. */
    @ApplicationModuleListener
    void on(CommenterBanned event) {
        if (event.account() != null) {
            notices.closeCausedBy(
                    NoticeKind.COMMENT_AWAITS_MODERATION, event.organization(), event.account(), event.at());
        }
    }
}

package org.chorus.notifications;

import java.time.Instant;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.statements.StatementId;
import org.jspecify.annotations.Nullable;

/**
 * One person's notice of one workflow step: what ({@code kind}) about which {@code subject} (an organization, a
 * statement, a comment, a co-issue request), in which organization, who caused it, and, for a task, whether it is done.
 */
public record Notice(
        UUID id,
        AccountId account,
        NoticeKind kind,
        UUID subject,
        @Nullable OrganizationId organization,
        @Nullable StatementId statement,
        @Nullable AccountId requester,
        @Nullable OrganizationId otherOrganization,
        @Nullable Instant detailAt,
        Instant createdAt,
        @Nullable Instant closedAt) {

    public boolean open() {
        return kind.task() && closedAt == null;
    }

    /** What a listener knows of a step before it is addressed to each person. */
    record Step(
            NoticeKind kind,
            UUID subject,
            @Nullable OrganizationId organization,
            @Nullable StatementId statement,
            @Nullable AccountId requester,
            @Nullable OrganizationId otherOrganization,
            @Nullable Instant detailAt) {

        static Step about(NoticeKind kind, UUID subject) {
            return new Step(kind, subject, null, null, null, null, null);
        }

        Step in(OrganizationId organization) {
            return new Step(kind, subject, organization, statement, requester, otherOrganization, detailAt);
        }

        Step on(StatementId statement) {
            return new Step(kind, subject, organization, statement, requester, otherOrganization, detailAt);
        }

        Step by(@Nullable AccountId requester) {
            return new Step(kind, subject, organization, statement, requester, otherOrganization, detailAt);
        }

        Step with(OrganizationId other) {
            return new Step(kind, subject, organization, statement, requester, other, detailAt);
        }

        Step at(Instant detail) {
            return new Step(kind, subject, organization, statement, requester, otherOrganization, detail);
        }

        Notice to(AccountId account, Instant now) {
            return new Notice(
                    UUID.randomUUID(),
                    account,
                    kind,
                    subject,
                    organization,
                    statement,
                    requester,
                    otherOrganization,
                    detailAt,
                    now,
                    null);
        }
    }
}

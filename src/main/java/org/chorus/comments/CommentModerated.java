package org.chorus.comments;

import java.time.Instant;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.statements.StatementId;

/**
 * Published when a moderator decides on a comment from the moderation queue; the audit log records who decided what.
 * Readers' pages follow {@link CommentApproved} and {@link CommentWithdrawn}, which other paths publish too.
 */
public record CommentModerated(
        CommentId comment,
        StatementId statement,
        OrganizationId organization,
        AccountId moderator,
        Decision decision,
        Instant at) {

    /** What the moderator decided. */
    public enum Decision {
        APPROVED,
        REJECTED,
        SPAM
    }
}

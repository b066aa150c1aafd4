package org.chorus.comments;

import java.time.Instant;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.statements.StatementId;
import org.jspecify.annotations.Nullable;

/**
 * Published when a comment enters the moderation queue: posted or edited by someone outside the organization, or a
 * guest's comment whose address was confirmed. {@code author} is null for a guest. {@link CommentModerated} follows
 * when a moderator decides.
 */
public record CommentAwaitsModeration(
        CommentId comment,
        StatementId statement,
        OrganizationId organization,
        @Nullable AccountId author,
        Instant at) {}

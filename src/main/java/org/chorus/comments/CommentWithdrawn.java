package org.chorus.comments;

import org.chorus.statements.StatementId;

/** A visible comment was hidden again (rejected, marked as spam, or edited and waiting for moderation). */
public record CommentWithdrawn(CommentId id, StatementId statement)
        implements org.chorus.shared.web.PublicPagesWithdrawn {}

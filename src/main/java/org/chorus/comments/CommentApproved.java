package org.chorus.comments;

import org.chorus.organizations.OrganizationId;
import org.chorus.shared.web.PublicPagesChanged;
import org.chorus.statements.StatementId;

/** A comment became visible to readers (approved by a moderator, or at once for the organization's people). */
public record CommentApproved(CommentId id, StatementId statement, OrganizationId organization)
        implements PublicPagesChanged {}

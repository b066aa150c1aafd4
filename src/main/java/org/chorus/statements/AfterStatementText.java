package org.chorus.statements;

import org.chorus.organizations.OrganizationId;

/**
 * The place after a statement's text and signatures on its public page, where modules above statements add their
 * part ({@link org.chorus.shared.web.PageContribution PageContribution&lt;AfterStatementText&gt;}), e.g. comments
 * its link and count.
 *
 * @param commentsOpen the statement is public and its organization turned comments on for it
 * @param issuer the organization that issued it
 * @param isPublic the statement is published (not a draft, not retracted)
 */
public record AfterStatementText(
        StatementId statement, String slug, boolean commentsOpen, OrganizationId issuer, boolean isPublic) {}

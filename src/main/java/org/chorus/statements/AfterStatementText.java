package org.chorus.statements;

/**
 * The place after a statement's text and signatures on its public page, where modules above statements add their
 * part ({@link org.chorus.shared.web.PageContribution PageContribution&lt;AfterStatementText&gt;}), e.g. comments
 * its link and count.
 *
 * @param commentsOpen the statement is public and its organization turned comments on for it
 */
public record AfterStatementText(StatementId statement, String slug, boolean commentsOpen) {}

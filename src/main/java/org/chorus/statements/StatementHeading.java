package org.chorus.statements;

import org.chorus.organizations.Organization;

/**
 * A statement as the top of a page about it shows it (its comments, its revisions, a letter): the statement, its
 * title in one language (the asked-for one when published in it, else the original's) and its issuer.
 */
public record StatementHeading(Statement statement, String language, String title, Organization issuer) {}

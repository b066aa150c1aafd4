package org.chorus.signons;

import org.chorus.statements.StatementHeading;

/**
 * A page of every sign-on of a statement, newest first, for its organizers: optionally only those in one status (those
 * waiting for approval).
 *
 * @param status the status the page is limited to, or null for all
 */
public record Signers(StatementHeading statement, SignOnStatus status, SignOnPage<SignerLine> page) {}

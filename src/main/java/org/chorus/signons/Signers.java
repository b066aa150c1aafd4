package org.chorus.signons;

import java.util.List;
import org.chorus.statements.StatementHeading;

/**
 * A page of every sign-on of a statement, newest first, for its organizers: optionally only those in one status (those
 * waiting for approval).
 *
 * @param questions the opening's questions, whose answers each line carries in this order
 * @param status the status the page is limited to, or null for all
 */
public record Signers(
        StatementHeading statement, List<SignOnQuestion> questions, SignOnStatus status, SignOnPage<SignerLine> page) {}

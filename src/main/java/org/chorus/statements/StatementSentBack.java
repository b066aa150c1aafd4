package org.chorus.statements;

import java.time.Instant;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;

/**
 * Published when a reviewer ({@code by}) sends a statement in review back to its writers with a {@code comment}; it is
 * a draft again.
 */
public record StatementSentBack(
        StatementId statement, OrganizationId issuer, String comment, AccountId by, Instant at) {}

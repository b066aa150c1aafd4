package org.chorus.statements;

import java.time.Instant;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;

/**
 * Published when a publisher ({@code by}) approves a statement for a later time ({@code publishAt}); {@link
 * StatementPublished} follows when that time comes.
 */
public record StatementScheduled(
        StatementId statement, OrganizationId issuer, Instant publishAt, AccountId by, Instant at) {}

package org.chorus.statements;

import java.time.Instant;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;

/**
 * Published when the invited organization accepts or declines a co-issue request, or the issuer withdraws it
 * ({@code accepted} false); {@code by} is the person who answered.
 */
public record CoIssueAnswered(
        StatementId statement,
        OrganizationId issuer,
        OrganizationId invited,
        boolean accepted,
        AccountId by,
        Instant at) {}

package org.chorus.statements;

import java.time.Instant;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;

/**
 * Published when an editor of a statement's issuer ({@code by}) asks another organization ({@code invited}) to
 * co-issue it; the invited organization's owners and designated reviewers answer.
 */
public record CoIssueRequested(
        StatementId statement, OrganizationId issuer, OrganizationId invited, AccountId by, Instant at) {}

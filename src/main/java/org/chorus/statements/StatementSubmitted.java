package org.chorus.statements;

import java.time.Instant;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;

/** Published when a writer ({@code by}) submits a draft for review; the issuer's publishers review it. */
public record StatementSubmitted(StatementId statement, OrganizationId issuer, AccountId by, Instant at) {}

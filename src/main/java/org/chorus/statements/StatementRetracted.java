package org.chorus.statements;

import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;

/** Published when a publisher ({@code by}) retracts a statement. */
public record StatementRetracted(StatementId statement, OrganizationId issuer, AccountId by)
        implements org.chorus.shared.web.PublicPagesWithdrawn {}

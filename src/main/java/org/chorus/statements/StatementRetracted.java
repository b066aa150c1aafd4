package org.chorus.statements;

import org.chorus.organizations.OrganizationId;

/** Published when a statement is retracted. */
public record StatementRetracted(StatementId statement, OrganizationId issuer)
        implements org.chorus.shared.web.PublicPagesChanged {}

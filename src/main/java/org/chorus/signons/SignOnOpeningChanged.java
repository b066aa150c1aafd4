package org.chorus.signons;

import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.web.PublicPagesChanged;
import org.chorus.statements.StatementId;

/**
 * Published when an editor opens a statement for sign-on, changes its choices or closes it, so that readers of the
 * cached statement page see the form appear, change or close at once. Emitted only by {@link OpeningSignOns}.
 */
public record SignOnOpeningChanged(StatementId statement, OrganizationId issuer, boolean open, AccountId by)
        implements PublicPagesChanged {}

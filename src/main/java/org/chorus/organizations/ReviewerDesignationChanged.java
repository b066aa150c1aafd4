package org.chorus.organizations;

import java.time.Instant;
import org.chorus.accounts.AccountId;

/** Published when an owner designates a person as a reviewer of the organization's statements, or withdraws it. */
public record ReviewerDesignationChanged(
        OrganizationId organization, AccountId account, boolean reviewer, AccountId by, Instant at) {}

package org.chorus.organizations;

import org.chorus.accounts.AccountId;

/** Published when a parent's owner ({@code by}) approves an organization that asked to join below it. */
public record OrganizationApproved(OrganizationId organization, OrganizationId parent, AccountId by)
        implements org.chorus.shared.web.PublicPagesChanged {}

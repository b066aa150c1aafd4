package org.chorus.organizations;

import org.chorus.accounts.AccountId;

/**
 * Published when an organization is created; {@code pending} when it waits for its parent's approval; {@code by} is
 * the person who created it (its first owner).
 */
public record OrganizationRegistered(OrganizationId organization, OrganizationId parent, boolean pending, AccountId by)
        implements org.chorus.shared.web.PublicPagesChanged {}

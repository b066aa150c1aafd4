package org.chorus.organizations;

import org.chorus.accounts.AccountId;

/** Published when a parent's owner ({@code by}) turns down an organization that asked to join below it. */
public record OrganizationRejected(OrganizationId organization, OrganizationId parent, AccountId by) {}

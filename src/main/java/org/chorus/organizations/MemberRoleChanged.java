package org.chorus.organizations;

import java.time.Instant;
import org.chorus.accounts.AccountId;

/** Published when an owner changes a person's role, or a site admin grants one directly. */
public record MemberRoleChanged(OrganizationId organization, AccountId account, Role role, AccountId by, Instant at) {}

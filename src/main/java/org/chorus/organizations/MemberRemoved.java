package org.chorus.organizations;

import java.time.Instant;
import org.chorus.accounts.AccountId;

/** Published when an owner removes a person from the organization; {@code role} is the one they had. */
public record MemberRemoved(OrganizationId organization, AccountId account, Role role, AccountId by, Instant at) {}

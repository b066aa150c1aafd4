package org.chorus.organizations;

import java.time.Instant;
import org.chorus.accounts.AccountId;

/** Published when an owner invites someone by email; the address is not part of it (the audit log keeps no address). */
public record MemberInvited(OrganizationId organization, Role role, AccountId by, Instant at) {}

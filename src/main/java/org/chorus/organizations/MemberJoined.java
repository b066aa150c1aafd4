package org.chorus.organizations;

import org.chorus.accounts.AccountId;

/** Published when a person accepts an invitation or creates an organization. */
public record MemberJoined(OrganizationId organization, AccountId account, Role role) {}

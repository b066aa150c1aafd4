package org.chorus.organizations;

import org.chorus.accounts.AccountId;
import org.chorus.shared.web.PublicPagesChanged;

/**
 * Published when an organization's public profile (name, description, country, languages, website) changes;
 * {@code by} is the owner or editor who changed it.
 */
public record OrganizationProfileChanged(OrganizationId organization, AccountId by) implements PublicPagesChanged {}

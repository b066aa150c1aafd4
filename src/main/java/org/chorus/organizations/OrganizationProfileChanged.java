package org.chorus.organizations;

import org.chorus.shared.web.PublicPagesChanged;

/** Published when an organization's public profile (name, description, country, languages, website) changes. */
public record OrganizationProfileChanged(OrganizationId organization) implements PublicPagesChanged {}

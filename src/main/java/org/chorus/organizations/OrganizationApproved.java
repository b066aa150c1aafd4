package org.chorus.organizations;

/** Published when a parent's owner approves an organization that asked to join below it. */
public record OrganizationApproved(OrganizationId organization, OrganizationId parent)
        implements org.chorus.shared.web.PublicPagesChanged {}

package org.chorus.organizations;

/** Published when an organization is created; {@code pending} when it waits for its parent's approval. */
public record OrganizationRegistered(OrganizationId organization, OrganizationId parent, boolean pending)
        implements org.chorus.shared.web.PublicPagesChanged {}

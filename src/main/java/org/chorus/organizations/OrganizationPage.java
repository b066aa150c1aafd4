package org.chorus.organizations;

import java.util.List;
import java.util.Optional;

/**
 * What the public page of an organization shows to one viewer: the organization, where it sits (ancestors, nearest
 * first), what hangs below it, the viewer's role, and what they may do.
 */
public record OrganizationPage(
        Organization organization,
        List<Organization> ancestors,
        List<Organization> children,
        Optional<Role> viewerRole,
        boolean canManage,
        boolean canViewPeople) {

    public Optional<Organization> parent() {
        return ancestors.isEmpty() ? Optional.empty() : Optional.of(ancestors.getFirst());
    }

    public List<Organization> childrenOfKind(OrganizationKind kind) {
        return children.stream().filter(c -> c.kind() == kind).toList();
    }
}

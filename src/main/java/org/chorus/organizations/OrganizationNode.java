package org.chorus.organizations;

import java.util.List;

/** An organization with the organizations below it, for showing a coalition's structure. */
public record OrganizationNode(Organization organization, List<OrganizationNode> children) {

    public List<OrganizationNode> childrenOfKind(OrganizationKind kind) {
        return children.stream().filter(c -> c.organization().kind() == kind).toList();
    }

    /** Counts this organization and everything below it. */
    public int size() {
        return 1 + children.stream().mapToInt(OrganizationNode::size).sum();
    }
}

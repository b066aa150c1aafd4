package org.chorus.organizations;

import java.util.EnumSet;
import java.util.Set;

/**
 * Something a person may do in an organization. Each module declares its own permissions as an enum implementing this
 * interface, each with the roles that hold it ({@code StatementPermission.WRITE_STATEMENTS}, {@link
 * OrganizationPermission#INVITE_MEMBERS}); {@link OrganizationPermissions} checks any of them without knowing the
 * module. Site admins hold every permission everywhere. See docs/decisions/0004-module-permissions.md.
 */
public interface Permission {

    /** Who holds the permission in an organization. */
    Holders holders();

    /** The constant's name, as enums have it. */
    String name();

    /**
     * The roles that hold a permission, and whether the reviewers an owner designates hold it too whatever their role
     * (they may publish in the organization's name).
     */
    record Holders(Set<Role> roles, boolean designatedReviewers) {

        public Holders {
            roles = Set.copyOf(roles);
        }

        public static Holders of(Role first, Role... more) {
            return new Holders(EnumSet.of(first, more), false);
        }

        public Holders andDesignatedReviewers() {
            return new Holders(roles, true);
        }
    }
}

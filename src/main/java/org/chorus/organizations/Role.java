package org.chorus.organizations;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A person's role in one organization, and what it allows. Site admins may do everything everywhere. */
public enum Role {
    OWNER(EnumSet.allOf(Permission.class)),
    EDITOR(EnumSet.of(Permission.VIEW_PEOPLE, Permission.EDIT_PROFILE, Permission.WRITE_STATEMENTS)),
    MODERATOR(EnumSet.of(Permission.VIEW_PEOPLE, Permission.MODERATE_COMMENTS)),
    MEMBER(EnumSet.of(Permission.VIEW_PEOPLE));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    public String key() {
        return "role." + name().toLowerCase(Locale.ROOT);
    }

    public static java.util.Optional<Role> parse(String value) {
        try {
            return java.util.Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }
}

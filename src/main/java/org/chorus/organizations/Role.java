package org.chorus.organizations;

import java.util.Locale;

/**
 * A person's role in one organization. What a role allows is declared with each permission, by the module that owns it
 * ({@link Permission#holders()}). Site admins may do everything everywhere.
 */
public enum Role {
    OWNER,
    EDITOR,
    MODERATOR,
    MEMBER;

    public boolean allows(Permission permission) {
        return permission.holders().roles().contains(this);
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

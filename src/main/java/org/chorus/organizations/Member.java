package org.chorus.organizations;

import org.chorus.accounts.AccountId;
import org.jspecify.annotations.Nullable;

/**
 * A person in an organization, as its people see them; {@code reviewer} when designated to review statements. The
 * email address only for those who hold {@link OrganizationPermission#SEE_EMAIL_ADDRESSES}, else null.
 */
public record Member(
        AccountId account, String displayName, @Nullable String email, Role role, boolean reviewer) {}

package org.chorus.organizations;

import org.chorus.accounts.AccountId;

/** A person in an organization, as its people see them; {@code reviewer} when designated to review statements. */
public record Member(AccountId account, String displayName, String email, Role role, boolean reviewer) {}

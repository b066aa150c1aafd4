package org.chorus.accounts;

/** Published when an account is created; {@code active} tells whether it can sign in already. */
public record AccountSignedUp(AccountId account, boolean active) {}

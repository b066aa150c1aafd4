package org.chorus.accounts;

/** Whether an account may sign in. */
public enum AccountStatus {
    /** Signed up, waiting for a site admin to activate it (until email confirmation exists). */
    PENDING,
    ACTIVE,
    DISABLED
}

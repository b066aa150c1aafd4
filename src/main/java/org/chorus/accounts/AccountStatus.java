package org.chorus.accounts;

/** Whether an account may sign in. */
public enum AccountStatus {
    /** Signed up, waiting for the address to be confirmed by the emailed link (or for a site admin). */
    PENDING,
    ACTIVE,
    DISABLED
}

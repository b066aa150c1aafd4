package org.chorus.accounts;

import java.time.Instant;
import java.util.Locale;

/** A person who can sign in to Chorus. */
public record Account(
        AccountId id,
        String email,
        String displayName,
        String passwordHash,
        AccountStatus status,
        boolean siteAdmin,
        String language,
        Instant createdAt) {

    public boolean active() {
        return status == AccountStatus.ACTIVE;
    }

    /** The form of an address used to compare and look it up. */
    public static String emailKey(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}

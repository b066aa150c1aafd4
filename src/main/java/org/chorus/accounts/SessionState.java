package org.chorus.accounts;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What Chorus keeps in a signed-in session about the session itself (the attribute {@value #ATTRIBUTE}): whose it is,
 * when they signed in (for the absolute lifetime), when they last proved who they are (for {@link
 * RecentAuthentication}), the hash its row in {@code account_sessions} is kept under and the day it was last written,
 * and how many wrong passwords the confirmation page has seen.
 */
record SessionState(
        UUID account,
        Instant signedInAt,
        Instant confirmedAt,
        String sessionHash,
        LocalDate lastSeenDay,
        int failedConfirmations)
        implements Serializable {

    static final String ATTRIBUTE = "chorus.session";

    SessionState seen(String hash, LocalDate day) {
        return new SessionState(account, signedInAt, confirmedAt, hash, day, failedConfirmations);
    }

    SessionState confirmed(Instant at) {
        return new SessionState(account, signedInAt, at, sessionHash, lastSeenDay, 0);
    }

    SessionState failedConfirmation() {
        return new SessionState(account, signedInAt, confirmedAt, sessionHash, lastSeenDay, failedConfirmations + 1);
    }
}

package org.chorus.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Published when something changes how an account signs in or what can act for it; the audit log keeps these for the
 * person and never records a network address. Each {@link Change} is published from one place only.
 *
 * @param detail a short label the person chose (a token's or a passkey's name), never personal data; may be null
 */
public record AccountSecurityChanged(
        AccountId account, Change change, @Nullable String detail, Instant at) {

    /** What changed. */
    public enum Change {
        SIGNED_IN_FROM_NEW_DEVICE,
        PASSWORD_CHANGED,
        PASSWORD_RESET,
        EMAIL_CHANGED,
        TWO_FACTOR_ENABLED,
        TWO_FACTOR_DISABLED,
        RECOVERY_CODES_RENEWED,
        RECOVERY_CODE_USED,
        PASSKEY_ADDED,
        PASSKEY_REMOVED,
        API_TOKEN_CREATED,
        API_TOKEN_REVOKED,
        SESSIONS_ENDED,
        DATA_EXPORTED
    }
}

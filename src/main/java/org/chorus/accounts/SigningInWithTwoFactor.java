package org.chorus.accounts;

import java.time.Clock;
import java.time.Duration;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.RateLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second step of signing in: after the password, a code from the authenticator app or a recovery code. Attempts are
 * limited per account (5 in 5 minutes), so the million possible codes cannot be tried.
 */
@Service
public class SigningInWithTwoFactor {

    static final int ATTEMPTS = 5;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final TotpSecrets secrets;
    private final RecoveryCodes recoveryCodes;
    private final Passkeys passkeys;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RateLimits attempts = new RateLimits(WINDOW, 100_000);

    SigningInWithTwoFactor(
            TotpSecrets secrets,
            RecoveryCodes recoveryCodes,
            Passkeys passkeys,
            ApplicationEventPublisher events,
            Clock clock) {
        this.secrets = secrets;
        this.recoveryCodes = recoveryCodes;
        this.passkeys = passkeys;
        this.events = events;
        this.clock = clock;
    }

    /** Whether signing in to this account takes a second step after the password. */
    public boolean required(AccountId account) {
        return secrets.confirmed(account) || passkeys.count(account) > 0;
    }

    /** Whether the account has an authenticator app (the second step then asks for its code). */
    public boolean hasAuthenticatorApp(AccountId account) {
        return secrets.confirmed(account);
    }

    /**
     * Checks a code from the authenticator app, or else a recovery code (used up, and {@code RECOVERY_CODE_USED}
     * published). Throws {@code two-factor.code-wrong} (422) or, past the limit, {@code two-factor.throttled} (429,
     * with the seconds to wait).
     */
    @Transactional
    public void verify(AccountId account, String code) {
        long wait = attempts.take("account:" + account.value(), ATTEMPTS);
        if (wait > 0) {
            throw new DomainException(429, "two-factor.throttled", wait);
        }
        var now = clock.instant();
        var totp = secrets.find(account).filter(TotpSecrets.Stored::confirmed);
        if (totp.isPresent()) {
            var step = Totp.accept(totp.get().secret(), code, now, totp.get().lastStep());
            if (step.isPresent() && secrets.accept(account, step.getAsLong(), now, false)) {
                return;
            }
        }
        var recovery = SettingUpTwoFactor.normalized(code);
        if (recovery.length() == 10 && recoveryCodes.use(account, recovery, now)) {
            events.publishEvent(
                    new AccountSecurityChanged(account, AccountSecurityChanged.Change.RECOVERY_CODE_USED, null, now));
            return;
        }
        throw new InvalidField("code", "two-factor.code-wrong");
    }
}

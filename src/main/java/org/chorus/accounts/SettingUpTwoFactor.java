package org.chorus.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person turns two-factor sign-in on and off on their account page: an authenticator app (TOTP), recovery codes and
 * passkeys. Each change is published as {@link AccountSecurityChanged} from here (passkeys from {@code
 * PasskeyCredentials}).
 */
@Service
public class SettingUpTwoFactor {

    static final int RECOVERY_CODES = 10;
    static final String ISSUER = "Chorus";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the setup page shows: the secret as text (to type) and as an otpauth:// URI (for the QR code). */
    public record AuthenticatorSetup(String secret, String uri) {}

    /** A passkey as the account page lists it. */
    public record PasskeySummary(String id, String label, Instant addedAt, Instant lastUsedAt) {}

    /** How an account signs in. */
    public record TwoFactorStatus(boolean authenticatorApp, int recoveryCodesLeft, List<PasskeySummary> passkeys) {
        public boolean on() {
            return authenticatorApp || !passkeys.isEmpty();
        }
    }

    private final Accounts accounts;
    private final TotpSecrets secrets;
    private final RecoveryCodes recoveryCodes;
    private final Passkeys passkeys;
    private final PasskeyCredentials credentials;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SettingUpTwoFactor(
            Accounts accounts,
            TotpSecrets secrets,
            RecoveryCodes recoveryCodes,
            Passkeys passkeys,
            PasskeyCredentials credentials,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.secrets = secrets;
        this.recoveryCodes = recoveryCodes;
        this.passkeys = passkeys;
        this.credentials = credentials;
        this.events = events;
        this.clock = clock;
    }

    public TwoFactorStatus status(AccountId account) {
        var keys = passkeys.byAccount(account).stream()
                .map(stored -> new PasskeySummary(
                        stored.record().getCredentialId().toBase64UrlString(),
                        stored.record().getLabel(),
                        stored.record().getCreated(),
                        stored.record().getLastUsed()))
                .toList();
        return new TwoFactorStatus(secrets.confirmed(account), recoveryCodes.unused(account), keys);
    }

    /**
     * Starts (or starts again) connecting an authenticator app: a new secret, kept sealed and unconfirmed until the
     * person types a code from the app.
     */
    @Transactional
    public AuthenticatorSetup begin(AccountId account) {
        var person = accounts.byId(account).orElseThrow(() -> new NotFoundException("account.not-found"));
        if (secrets.confirmed(account)) {
            throw new DomainException(409, "two-factor.already-on");
        }
        var secret = Totp.newSecret();
        secrets.startSetup(account, secret, clock.instant());
        return setup(person, secret);
    }

    /** The setup in progress, to show it again after a wrong code. */
    public Optional<AuthenticatorSetup> inProgress(AccountId account) {
        var person = accounts.byId(account).orElseThrow(() -> new NotFoundException("account.not-found"));
        return secrets.find(account).filter(s -> !s.confirmed()).map(s -> setup(person, s.secret()));
    }

    /**
     * Turns the authenticator app on once the person typed a current code from it, and returns new recovery codes,
     * to be shown once.
     */
    @Transactional
    public List<String> confirm(AccountId account, String code) {
        var stored = secrets.find(account)
                .filter(s -> !s.confirmed())
                .orElseThrow(() -> new DomainException(409, "two-factor.no-setup"));
        var now = clock.instant();
        var step = Totp.accept(stored.secret(), code, now, stored.lastStep());
        if (step.isEmpty() || !secrets.accept(account, step.getAsLong(), now, true)) {
            throw new InvalidField("code", "two-factor.code-wrong");
        }
        events.publishEvent(
                new AccountSecurityChanged(account, AccountSecurityChanged.Change.TWO_FACTOR_ENABLED, null, now));
        return newRecoveryCodes(account, now);
    }

    /** Turns the authenticator app off; recovery codes go too unless passkeys remain. */
    @Transactional
    public void disable(AccountId account) {
        if (!secrets.delete(account)) {
            return;
        }
        if (passkeys.count(account) == 0) {
            recoveryCodes.deleteAll(account);
        }
        events.publishEvent(new AccountSecurityChanged(
                account, AccountSecurityChanged.Change.TWO_FACTOR_DISABLED, null, clock.instant()));
    }

    /** Replaces the recovery codes with ten new ones, shown once; only when a second factor is on. */
    @Transactional
    public List<String> renewRecoveryCodes(AccountId account) {
        if (!secrets.confirmed(account) && passkeys.count(account) == 0) {
            throw new DomainException(409, "two-factor.off");
        }
        var now = clock.instant();
        var codes = newRecoveryCodes(account, now);
        events.publishEvent(
                new AccountSecurityChanged(account, AccountSecurityChanged.Change.RECOVERY_CODES_RENEWED, null, now));
        return codes;
    }

    /** Removes one of the person's passkeys (the id as the account page shows it). */
    public void removePasskey(AccountId account, String id) {
        byte[] credentialId;
        try {
            credentialId = Base64.getUrlDecoder().decode(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("passkey.not-found");
        }
        credentials.remove(account, credentialId);
    }

    private List<String> newRecoveryCodes(AccountId account, Instant now) {
        var codes = new ArrayList<String>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            var bytes = new byte[5];
            RANDOM.nextBytes(bytes);
            var hex = HexFormat.of().formatHex(bytes);
            codes.add(hex.substring(0, 5) + "-" + hex.substring(5));
        }
        recoveryCodes.replace(
                account, codes.stream().map(SettingUpTwoFactor::normalized).toList(), now);
        return codes;
    }

    /** A recovery code as stored: lower case, without the dash or spaces a person may type. */
    static String normalized(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private static AuthenticatorSetup setup(Account person, byte[] secret) {
        return new AuthenticatorSetup(Totp.base32(secret), Totp.uri(ISSUER, person.email(), secret));
    }
}

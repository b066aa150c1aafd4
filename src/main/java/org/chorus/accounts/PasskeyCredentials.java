package org.chorus.accounts;

import java.time.Clock;
import java.util.List;
import org.chorus.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spring Security's WebAuthn support reads and writes passkeys through this: the one place where a passkey is added or
 * removed, so {@code PASSKEY_ADDED} and {@code PASSKEY_REMOVED} are published here.
 */
@Component
class PasskeyCredentials implements UserCredentialRepository {

    static final int LABEL_MAX = 60;

    private final Passkeys passkeys;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PasskeyCredentials(Passkeys passkeys, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.passkeys = passkeys;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return passkeys.byCredentialId(credentialId.getBytes())
                .map(Passkeys.Stored::record)
                .orElse(null);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userHandle) {
        return passkeys.byUserHandle(userHandle.getBytes()).stream()
                .map(Passkeys.Stored::record)
                .toList();
    }

    /** A new passkey (registration), or a known one after a sign-in (its counter and time of use). */
    @Override
    @Transactional
    public void save(CredentialRecord record) {
        var id = record.getCredentialId().getBytes();
        if (passkeys.byCredentialId(id).isPresent()) {
            passkeys.recordUse(id, record.getSignatureCount(), record.isBackupState(), clock.instant());
            return;
        }
        var account = passkeys.accountOfUserHandle(record.getUserEntityUserId().getBytes())
                .orElseThrow(() -> new IllegalArgumentException("no account for this passkey"));
        var label = label(record.getLabel());
        var now = clock.instant();
        passkeys.insert(account, record, label, now);
        events.publishEvent(
                new AccountSecurityChanged(account, AccountSecurityChanged.Change.PASSKEY_ADDED, label, now));
    }

    /** Spring Security's own removal endpoint is closed (SecurityConfiguration); this serves it all the same. */
    @Override
    @Transactional
    public void delete(Bytes credentialId) {
        passkeys.byCredentialId(credentialId.getBytes())
                .ifPresent(stored -> remove(stored.account(), credentialId.getBytes()));
    }

    /** Removes one of the account's passkeys; someone else's (or none) is not found. */
    @Transactional
    void remove(AccountId account, byte[] credentialId) {
        var stored = passkeys.byCredentialId(credentialId)
                .filter(s -> s.account().equals(account))
                .orElseThrow(() -> new NotFoundException("passkey.not-found"));
        passkeys.delete(account, credentialId);
        events.publishEvent(new AccountSecurityChanged(
                account,
                AccountSecurityChanged.Change.PASSKEY_REMOVED,
                stored.record().getLabel(),
                clock.instant()));
    }

    /** The name the person gave, made safe to store and show: no control characters, at most 60 characters. */
    static String label(String typed) {
        var clean = typed == null ? "" : typed.replaceAll("\\p{Cntrl}", "").strip();
        if (clean.isEmpty()) {
            return "Passkey";
        }
        return clean.length() > LABEL_MAX ? clean.substring(0, LABEL_MAX) : clean;
    }
}

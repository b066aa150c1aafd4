package org.chorus.accounts;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts as Spring Security's WebAuthn support knows them: a random user handle, and the address and name read from
 * the account when needed (Spring Security names a person by {@code Authentication.getName()}, the address). The
 * address itself is never stored with a passkey.
 */
@Component
class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

    private final Passkeys passkeys;
    private final Accounts accounts;

    PasskeyUsers(Passkeys passkeys, Accounts accounts) {
        this.passkeys = passkeys;
        this.accounts = accounts;
    }

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes id) {
        return passkeys.accountOfUserHandle(id.getBytes())
                .flatMap(accounts::byId)
                .map(account -> entity(account, id.getBytes()))
                .orElse(null);
    }

    @Override
    public PublicKeyCredentialUserEntity findByUsername(String email) {
        return accounts.byEmail(email == null ? "" : email)
                .flatMap(account -> passkeys.userHandleOf(account.id()).map(handle -> entity(account, handle)))
                .orElse(null);
    }

    @Override
    @Transactional
    public void save(PublicKeyCredentialUserEntity entity) {
        var account = accounts.byEmail(entity.getName())
                .orElseThrow(() -> new IllegalArgumentException("no account for this passkey user"));
        passkeys.saveUserHandle(account.id(), entity.getId().getBytes());
    }

    @Override
    @Transactional
    public void delete(Bytes userHandle) {
        // Spring Security never calls this; an account's handle goes with the account (on delete cascade)
        passkeys.deleteUserHandle(userHandle.getBytes());
    }

    private static PublicKeyCredentialUserEntity entity(Account account, byte[] handle) {
        return ImmutablePublicKeyCredentialUserEntity.builder()
                .id(new Bytes(handle))
                .name(account.email())
                .displayName(account.displayName())
                .build();
    }
}

package org.chorus.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Lets other modules look people up by id or address without reaching into the accounts table. */
@Service
public class AccountDirectory {

    private final Accounts accounts;
    private final TotpSecrets totpSecrets;
    private final Passkeys passkeys;

    AccountDirectory(Accounts accounts, TotpSecrets totpSecrets, Passkeys passkeys) {
        this.accounts = accounts;
        this.totpSecrets = totpSecrets;
        this.passkeys = passkeys;
    }

    /** Whether the person signs in with a second factor (an authenticator app or a passkey). */
    public boolean hasTwoFactor(AccountId id) {
        return totpSecrets.confirmed(id) || passkeys.count(id) > 0;
    }

    public Optional<AccountSummary> find(AccountId id) {
        return accounts.byId(id).map(AccountDirectory::summary);
    }

    public Optional<AccountSummary> findByEmail(String email) {
        return accounts.byEmail(email).map(AccountDirectory::summary);
    }

    /** Looks up many people in one query. */
    public List<AccountSummary> findAll(Collection<AccountId> ids) {
        return accounts.byIds(ids).stream().map(AccountDirectory::summary).toList();
    }

    static AccountSummary summary(Account account) {
        return new AccountSummary(account.id(), account.displayName(), account.email(), account.language());
    }
}

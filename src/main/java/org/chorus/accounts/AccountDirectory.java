package org.chorus.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Lets other modules look people up by id or address without reaching into the accounts table. */
@Service
public class AccountDirectory {

    private final Accounts accounts;

    AccountDirectory(Accounts accounts) {
        this.accounts = accounts;
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

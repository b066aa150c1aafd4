package org.chorus.accounts;

import java.time.Clock;
import java.util.List;
import org.chorus.shared.DomainException;
import org.chorus.shared.EmailAddress;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.i18n.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person creates an account; until the email engine confirms addresses, a site admin activates it. Site admins and
 * the admin command line create accounts that are active at once.
 */
@Service
public class SigningUp {

    private final Accounts accounts;
    private final Passwords passwords;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SigningUp(Accounts accounts, Passwords passwords, Clock clock, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
        this.events = events;
    }

    /** A visitor signs up; the account waits for activation. */
    @Transactional
    public AccountId signUp(String email, String displayName, String password, Language language) {
        return create(email, displayName, password, language, AccountStatus.PENDING, false);
    }

    /** A site admin (or the command line) creates an account that can sign in at once. */
    @Transactional
    public AccountId createActive(String email, String displayName, String password, Language language, boolean admin) {
        return create(email, displayName, password, language, AccountStatus.ACTIVE, admin);
    }

    private AccountId create(
            String email, String displayName, String password, Language language, AccountStatus status, boolean admin) {
        var address = EmailAddress.check(email);
        var name = DisplayName.check(displayName);
        if (accounts.emailTaken(address)) {
            throw DomainException.conflict("account.email-taken");
        }
        var account = new Account(
                AccountId.random(),
                address,
                name,
                passwords.hash(password),
                status,
                admin,
                language.tag(),
                clock.instant());
        try {
            accounts.insert(account);
        } catch (DuplicateKeyException raceWithAnotherSignUp) {
            throw DomainException.conflict("account.email-taken");
        }
        events.publishEvent(new AccountSignedUp(account.id(), status == AccountStatus.ACTIVE));
        return account.id();
    }

    /** A site admin lets a pending account sign in. */
    @Transactional
    public void activate(AccountId id) {
        if (!accounts.changeStatus(id, AccountStatus.PENDING, AccountStatus.ACTIVE, clock.instant())) {
            var account = accounts.byId(id).orElseThrow(() -> new NotFoundException("account.not-found"));
            if (account.status() != AccountStatus.ACTIVE) {
                throw DomainException.conflict("account.not-pending");
            }
        }
    }

    public List<AccountSummary> pending() {
        return accounts.withStatus(AccountStatus.PENDING, 500).stream()
                .map(AccountDirectory::summary)
                .toList();
    }
}

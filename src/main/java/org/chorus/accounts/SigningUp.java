package org.chorus.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.chorus.shared.DomainException;
import org.chorus.shared.EmailAddress;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.RateLimits;
import org.chorus.shared.SecretToken;
import org.chorus.shared.i18n.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person creates an account and confirms their address with the one-time link emailed to it (valid 48 hours), which
 * activates the account; a site admin can also activate it. Site admins and the admin command line create accounts
 * that are active at once.
 */
@Service
public class SigningUp {

    static final Duration CONFIRMATION_VALIDITY = Duration.ofHours(48);
    /** New confirmation links one address may ask for per hour; past it, requests are quietly ignored. */
    static final int RESENDS_PER_HOUR = 3;

    private final Accounts accounts;
    private final AddressConfirmations confirmations;
    private final AccountLetters letters;
    private final Passwords passwords;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final RateLimits resends = new RateLimits(Duration.ofHours(1), 100_000);

    SigningUp(
            Accounts accounts,
            AddressConfirmations confirmations,
            AccountLetters letters,
            Passwords passwords,
            Clock clock,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.confirmations = confirmations;
        this.letters = letters;
        this.passwords = passwords;
        this.clock = clock;
        this.events = events;
    }

    /**
     * A visitor signs up; the account waits until the address is confirmed by the link emailed to it. An address that
     * already has an account is answered exactly like a new one, in what it says and in the work it does (the password
     * is hashed either way: a known address was 10 times faster, issue 11, hole 3): its owner is emailed instead, a new
     * confirmation link if the account still waits for one, otherwise a notice saying how to get back in. Returns the
     * account that has the address.
     */
    @Transactional
    public AccountId signUp(String email, String displayName, String password, Language language) {
        var checked = check(email, displayName, password);
        var hash = passwords.hash(password);
        var existing = accounts.byEmail(checked.address());
        if (existing.isPresent()) {
            tellOwner(existing.get());
            return existing.get().id();
        }
        var account = insert(checked, hash, language, AccountStatus.PENDING, false);
        sendConfirmation(account);
        return account.id();
    }

    private void tellOwner(Account owner) {
        switch (owner.status()) {
            case PENDING -> resendConfirmation(owner.email());
            case ACTIVE -> letters.signUpAttempted(owner, clock.instant().getEpochSecond() / 3600);
            default -> {
                // a disabled account is told nothing: there is no way back in to offer
            }
        }
    }

    /**
     * The person follows the link: the account is active from now on. Following it again within its validity says the
     * same, since mail scanners may open links before the person does. Returns whether the account is active.
     */
    @Transactional
    public boolean confirm(String token) {
        return confirmed(token).isPresent();
    }

    /** As {@link #confirm(String)}, naming the account that is active now. */
    @Transactional
    public java.util.Optional<AccountId> confirmed(String token) {
        var hash = SecretToken.hash(token);
        var now = clock.instant();
        var link = confirmations.find(hash, now).filter(l -> l.newEmail() == null);
        if (link.isEmpty()) {
            return java.util.Optional.empty();
        }
        confirmations.use(hash, now);
        accounts.changeStatus(link.get().account(), AccountStatus.PENDING, AccountStatus.ACTIVE, now);
        return accounts.byId(link.get().account()).filter(Account::active).map(Account::id);
    }

    /**
     * Sends a new confirmation link if an account waits for confirmation with this address. The caller says the same
     * either way, so nobody learns who has an account; an address gets at most {@value #RESENDS_PER_HOUR} per hour.
     * Returns whether a link was sent.
     */
    @Transactional
    public boolean resendConfirmation(String email) {
        if (email == null || email.isBlank() || resends.take(Account.emailKey(email), RESENDS_PER_HOUR) > 0) {
            return false;
        }
        var account = accounts.byEmail(email).filter(a -> a.status() == AccountStatus.PENDING);
        account.ifPresent(this::sendConfirmation);
        return account.isPresent();
    }

    private void sendConfirmation(Account account) {
        var token = SecretToken.generate();
        var now = clock.instant();
        confirmations.insert(token.hash(), account.id(), null, now, now.plus(CONFIRMATION_VALIDITY));
        letters.confirmSignUp(account, token);
    }

    /** A site admin (or the command line) creates an account that can sign in at once. */
    @Transactional
    public AccountId createActive(String email, String displayName, String password, Language language, boolean admin) {
        return create(email, displayName, password, language, AccountStatus.ACTIVE, admin)
                .id();
    }

    private record Checked(String address, String name) {}

    private Checked check(String email, String displayName, String password) {
        var checks = new FieldChecks();
        var address = checks.check(() -> EmailAddress.check(email));
        var name = checks.check(() -> DisplayName.check(displayName));
        checks.check(() -> passwords.check(password));
        checks.done();
        return new Checked(address, name);
    }

    private Account create(
            String email, String displayName, String password, Language language, AccountStatus status, boolean admin) {
        var checked = check(email, displayName, password);
        if (accounts.emailTaken(checked.address())) {
            throw DomainException.conflict("account.email-taken");
        }
        return insert(checked, passwords.hash(password), language, status, admin);
    }

    private Account insert(Checked checked, String hash, Language language, AccountStatus status, boolean admin) {
        var account = new Account(
                AccountId.random(),
                checked.address(),
                checked.name(),
                hash,
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
        return account;
    }

    /** A site admin lets a pending account sign in without waiting for its address to be confirmed. */
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

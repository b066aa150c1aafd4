package org.chorus.accounts;

import java.time.Clock;
import java.time.Duration;
import org.chorus.shared.DomainException;
import org.chorus.shared.EmailAddress;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.SecretToken;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in person moves their account to another address: after checking the password, Chorus emails a one-time
 * link (valid 48 hours) to the new address and a notice to the current one. The address changes only when the link is
 * followed, and the old address then gets a second notice.
 */
@Service
public class ChangingEmail {

    static final Duration VALIDITY = Duration.ofHours(48);

    private final Accounts accounts;
    private final AddressConfirmations confirmations;
    private final AccountLetters letters;
    private final Passwords passwords;
    private final Clock clock;

    ChangingEmail(
            Accounts accounts,
            AddressConfirmations confirmations,
            AccountLetters letters,
            Passwords passwords,
            Clock clock) {
        this.accounts = accounts;
        this.confirmations = confirmations;
        this.letters = letters;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Asks to move the account to {@code newEmail}; only the latest request can complete. An address another account
     * has is answered exactly like a new one, so the form does not tell who has an account (issue 11, hole 3): the same
     * request is recorded and the same notice goes to the current address, but instead of the link the address's
     * owner is told that someone tried to use it, and nothing changes for them.
     */
    @Transactional
    public void request(AccountId id, String newEmail, String currentPassword) {
        var account = accounts.byId(id).orElseThrow(() -> new NotFoundException("account.not-found"));
        if (!passwords.matches(currentPassword, account.passwordHash())) {
            throw new InvalidField("currentPassword", "password.current-wrong");
        }
        var address = EmailAddress.check(newEmail);
        if (Account.emailKey(address).equals(Account.emailKey(account.email()))) {
            throw new InvalidField("email", "account.email-same");
        }
        var owner = accounts.byEmail(address);
        var token = SecretToken.generate();
        var now = clock.instant();
        confirmations.withdrawChanges(id, now);
        // recorded even for a taken address, so an earlier request is withdrawn alike; following it would be refused
        confirmations.insert(token.hash(), id, address, now, now.plus(VALIDITY));
        if (owner.isPresent()) {
            letters.addressInUse(owner.get(), token);
        } else {
            letters.confirmNewAddress(account, address, token);
        }
        letters.addressChangeRequested(account, address, token);
    }

    /**
     * The link sent to the new address is followed: the account takes the new address, and the old one is told.
     * Following it again says the same. Returns the new address.
     */
    @Transactional
    public String confirm(String token) {
        var hash = SecretToken.hash(token);
        var now = clock.instant();
        var link = confirmations
                .find(hash, now)
                .filter(l -> l.newEmail() != null)
                .orElseThrow(() -> DomainException.invalid("address-change.invalid.message"));
        var account = accounts.byId(link.account())
                .orElseThrow(() -> new NotFoundException("address-change.invalid.message"));
        var sameAddress = Account.emailKey(account.email()).equals(Account.emailKey(link.newEmail()));
        if (link.used() || sameAddress) {
            if (sameAddress) {
                return account.email();
            }
            throw DomainException.invalid("address-change.invalid.message");
        }
        if (accounts.emailTaken(link.newEmail())) {
            throw DomainException.conflict("address-change.unavailable");
        }
        if (!confirmations.use(hash, now)) {
            throw DomainException.invalid("address-change.invalid.message");
        }
        try {
            accounts.updateEmail(account.id(), link.newEmail());
        } catch (DuplicateKeyException raceWithAnotherAccount) {
            throw DomainException.conflict("address-change.unavailable");
        }
        letters.addressChanged(account, account.email(), link.newEmail(), hash);
        return link.newEmail();
    }
}

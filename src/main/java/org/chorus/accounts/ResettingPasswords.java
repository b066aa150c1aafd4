package org.chorus.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.chorus.shared.DomainException;
import org.chorus.shared.SecretToken;
import org.chorus.shared.config.ChorusProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person who forgot their password asks for a one-time link (valid one hour), emailed to the account's address in
 * its language, and sets a new password with it.
 */
@Service
public class ResettingPasswords {

    static final Duration VALIDITY = Duration.ofHours(1);

    private final Accounts accounts;
    private final PasswordResets resets;
    private final Passwords passwords;
    private final Clock clock;
    private final ChorusProperties properties;
    private final Sessions sessions;
    private final AccountLetters letters;

    ResettingPasswords(
            Accounts accounts,
            PasswordResets resets,
            Passwords passwords,
            Clock clock,
            ChorusProperties properties,
            Sessions sessions,
            AccountLetters letters) {
        this.sessions = sessions;
        this.letters = letters;
        this.accounts = accounts;
        this.resets = resets;
        this.passwords = passwords;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Creates a reset link for the address if an account has it and emails it there. Returns the link for callers
     * allowed to see it (the admin command line); pages never show it, so they do not reveal who has an account.
     */
    @Transactional
    public Optional<String> requestLink(String email) {
        var account = accounts.byEmail(email == null ? "" : email).filter(a -> a.status() != AccountStatus.DISABLED);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        var token = SecretToken.generate();
        var now = clock.instant();
        resets.insert(token.hash(), account.get().id(), now, now.plus(VALIDITY));
        letters.resetPassword(account.get(), token);
        return Optional.of(properties.link("/password/reset/" + token.value()));
    }

    public boolean linkUsable(String token) {
        return resets.usable(SecretToken.hash(token), clock.instant());
    }

    /** Sets the new password if the link is still valid; every other open link of the account stops working. */
    @Transactional
    public void reset(String token, String newPassword) {
        Passwords.check(newPassword);
        var now = clock.instant();
        var account = resets.use(SecretToken.hash(token), now)
                .orElseThrow(() -> DomainException.invalid("password-reset.link-invalid"));
        accounts.updatePassword(account, passwords.hash(newPassword));
        resets.invalidateAll(account, now);
        sessions.endAllBut(account, null);
    }
}

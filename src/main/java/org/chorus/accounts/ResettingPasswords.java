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
    /** Reset letters one account gets per hour at most; more requests are answered alike and send nothing. */
    static final int LETTERS_PER_HOUR = 3;

    private final Accounts accounts;
    private final PasswordResets resets;
    private final Passwords passwords;
    private final Clock clock;
    private final ChorusProperties properties;
    private final Sessions sessions;
    private final AccountLetters letters;
    private final ApiTokens tokens;

    ResettingPasswords(
            Accounts accounts,
            PasswordResets resets,
            Passwords passwords,
            Clock clock,
            ChorusProperties properties,
            Sessions sessions,
            AccountLetters letters,
            ApiTokens tokens) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.letters = letters;
        this.accounts = accounts;
        this.resets = resets;
        this.passwords = passwords;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Creates a reset link for the address if an account has it and emails it there, replacing any earlier link; at
     * most {@value #LETTERS_PER_HOUR} letters an hour per account. Returns the link for callers
     * allowed to see it (the admin command line); pages never show it, so they do not reveal who has an account.
     */
    @Transactional
    public Optional<String> requestLink(String email) {
        var account = accounts.byEmail(email == null ? "" : email).filter(a -> a.status() != AccountStatus.DISABLED);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        var now = clock.instant();
        if (resets.requestedSince(account.get().id(), now.minus(Duration.ofHours(1))) >= LETTERS_PER_HOUR) {
            // a flood of requests must not flood the person's mailbox; the page answers the same either way
            return Optional.empty();
        }
        // at most one live link per account: a new request replaces the one before
        resets.invalidateAll(account.get().id(), now);
        var token = SecretToken.generate();
        resets.insert(token.hash(), account.get().id(), now, now.plus(VALIDITY));
        letters.resetPassword(account.get(), token);
        return Optional.of(properties.link("/password/reset/" + token.value()));
    }

    public boolean linkUsable(String token) {
        return resets.usable(SecretToken.hash(token), clock.instant());
    }

    /**
     * Sets the new password if the link is still valid; every other open link of the account stops working, every
     * session ends and every API token is revoked: whoever had the old password may have made them.
     */
    @Transactional
    public void reset(String token, String newPassword) {
        passwords.check(newPassword);
        var now = clock.instant();
        var account = resets.use(SecretToken.hash(token), now)
                .orElseThrow(() -> DomainException.invalid("password-reset.link-invalid"));
        accounts.updatePassword(account, passwords.hash(newPassword));
        resets.invalidateAll(account, now);
        sessions.endAllBut(account, null);
        tokens.revokeAll(account);
    }
}

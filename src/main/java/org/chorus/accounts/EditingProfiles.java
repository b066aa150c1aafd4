package org.chorus.accounts;

import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.i18n.Language;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person edits their own profile: name, language, password. */
@Service
public class EditingProfiles {

    private final Accounts accounts;
    private final Passwords passwords;
    private final Sessions sessions;
    private final ApiTokens tokens;

    EditingProfiles(Accounts accounts, Passwords passwords, Sessions sessions, ApiTokens tokens) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    public Account profile(AccountId id) {
        return accounts.byId(id).orElseThrow(() -> new NotFoundException("account.not-found"));
    }

    @Transactional
    public void update(AccountId id, String displayName, Language language) {
        profile(id);
        accounts.updateProfile(id, DisplayName.check(displayName), language.tag());
    }

    /**
     * Changes the password after checking the current one; the account's other sessions end, and its API tokens are
     * revoked if the person asks (they may have changed it because a token or a device leaked).
     */
    @Transactional
    public void changePassword(
            AccountId id, String currentPassword, String newPassword, String currentSession, boolean revokeTokens) {
        var account = profile(id);
        if (!passwords.matches(currentPassword, account.passwordHash())) {
            throw new InvalidField("currentPassword", "password.current-wrong");
        }
        accounts.updatePassword(id, passwords.hash(newPassword));
        sessions.endAllBut(id, currentSession);
        if (revokeTokens) {
            tokens.revokeAll(id);
        }
    }

    /** The principal to keep in the session after a profile change, so pages show the new name. */
    public ChorusUser refreshed(AccountId id) {
        return new ChorusUser(profile(id));
    }
}

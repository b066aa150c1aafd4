package org.chorus.accounts;

import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * The signed-in sessions of each account. After a password change or reset, every other session of the account
 * ends, so a stolen session does not outlive the password its owner replaced.
 */
@Component
class Sessions {

    private final SessionRegistry registry;

    Sessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Ends every session of the account but {@code keep} (null ends them all). */
    void endAllBut(AccountId account, String keep) {
        for (var principal : registry.getAllPrincipals()) {
            if (principal instanceof ChorusUser user && user.id().equals(account)) {
                for (var session : registry.getAllSessions(principal, false)) {
                    if (!session.getSessionId().equals(keep)) {
                        session.expireNow();
                    }
                }
            }
        }
    }
}

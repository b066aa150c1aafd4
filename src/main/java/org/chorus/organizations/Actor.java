package org.chorus.organizations;

import org.chorus.accounts.AccountId;
import org.chorus.accounts.ChorusUser;

/** The person asking to do something, as permission checks need them. */
public record Actor(AccountId account, boolean siteAdmin) {

    public static Actor of(ChorusUser user) {
        return new Actor(user.id(), user.siteAdmin());
    }
}

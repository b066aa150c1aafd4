package org.chorus.statements.web;

import org.chorus.accounts.ChorusUser;
import org.chorus.organizations.Actor;

/** The signed-in person (or nobody) as the actor permission checks take. */
final class Viewers {

    private Viewers() {}

    static Actor actor(ChorusUser user) {
        return user == null ? null : Actor.of(user);
    }
}

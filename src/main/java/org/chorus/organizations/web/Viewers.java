package org.chorus.organizations.web;

import org.chorus.accounts.ChorusUser;
import org.chorus.organizations.Actor;

/** Turns the signed-in person (or nobody) into the actor permission checks take. */
final class Viewers {

    private Viewers() {}

    static Actor actor(ChorusUser user) {
        return user == null ? null : Actor.of(user);
    }
}

package org.chorus.actions;

import java.util.List;

/** The public pages an action shows on: its own, and its campaign's (page, list, map, calendar). */
final class ActionPaths {

    private ActionPaths() {}

    static List<String> of(String campaignSlug, ActionId action) {
        return List.of("/c/" + campaignSlug, "/actions/" + action, "/actions/" + action + ".ics");
    }
}

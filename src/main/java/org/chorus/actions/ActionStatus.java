package org.chorus.actions;

import java.util.Locale;

/** Where an action stands with the campaign's organizers. Cancelling is apart: a cancelled action keeps its status. */
public enum ActionStatus {
    /** Waiting for the organizers; seen only by its host and them. */
    PENDING,
    /** Public: in the campaign's list, map and calendar. */
    APPROVED,
    /** Refused, with a reason mailed to the host. */
    REJECTED;

    public String key() {
        return "action.status." + name().toLowerCase(Locale.ROOT);
    }
}

package org.chorus.follows;

import java.util.Locale;

/** An announcement is written, possibly scheduled, and sent once. */
public enum AnnouncementStatus {
    DRAFT,
    SCHEDULED,
    SENT;

    public String key() {
        return "follows.announcement.status." + name().toLowerCase(Locale.ROOT);
    }
}

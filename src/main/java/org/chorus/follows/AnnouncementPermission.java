package org.chorus.follows;

import static org.chorus.organizations.Role.EDITOR;
import static org.chorus.organizations.Role.OWNER;

import org.chorus.organizations.Permission;

/**
 * What a person may do with their organization's announcements to its followers. Held as statements' permissions are:
 * writers write, and sending to every follower is publishing in the organization's name.
 */
public enum AnnouncementPermission implements Permission {
    /** Write announcements, preview them, send oneself a test and follow their sending. */
    WRITE_ANNOUNCEMENTS(Holders.of(OWNER, EDITOR)),
    /** Send an announcement to every follower, now or at a set time, or cancel a scheduled one. */
    SEND_ANNOUNCEMENTS(Holders.of(OWNER).andDesignatedReviewers());

    private final Holders holders;

    AnnouncementPermission(Holders holders) {
        this.holders = holders;
    }

    @Override
    public Holders holders() {
        return holders;
    }
}

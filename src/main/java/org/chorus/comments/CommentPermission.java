package org.chorus.comments;

import static org.chorus.organizations.Role.MODERATOR;
import static org.chorus.organizations.Role.OWNER;

import org.chorus.organizations.Permission;

/** What a person may do with the comments on their organization's statements. */
public enum CommentPermission implements Permission {
    /** Approve, reject or mark as spam comments on the organization's statements; ban people from commenting. */
    MODERATE_COMMENTS(Holders.of(OWNER, MODERATOR));

    private final Holders holders;

    CommentPermission(Holders holders) {
        this.holders = holders;
    }

    @Override
    public Holders holders() {
        return holders;
    }
}

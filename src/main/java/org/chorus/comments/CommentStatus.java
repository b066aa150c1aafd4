package org.chorus.comments;

/**
 * Where a comment is in moderation: only approved comments are shown to readers. A guest's comment is
 * {@code UNCONFIRMED} until its author follows the link mailed to them; it is then {@code PENDING} like any other.
 */
public enum CommentStatus {
    UNCONFIRMED,
    PENDING,
    APPROVED,
    REJECTED,
    SPAM
}

package org.chorus.comments;

/** Where a comment is in moderation: only approved comments are shown to readers. */
public enum CommentStatus {
    PENDING,
    APPROVED,
    REJECTED,
    SPAM
}

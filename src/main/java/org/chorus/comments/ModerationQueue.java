package org.chorus.comments;

import java.util.List;

/** What waits for an organization's moderators: new comments from outsiders and reported ones, oldest first. */
public record ModerationQueue(List<Item> items) {

    /** A comment with the statement it was written on. */
    public record Item(Comment comment, String statementTitle, String statementSlug) {}
}

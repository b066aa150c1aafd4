package org.chorus.comments;

import java.util.UUID;

/** Identifies a comment. */
public record CommentId(UUID value) {

    public static CommentId random() {
        return new CommentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

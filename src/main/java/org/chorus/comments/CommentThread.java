package org.chorus.comments;

import java.util.List;

/** A top-level comment and its replies (one level deep), oldest first. */
public record CommentThread(Comment comment, List<Comment> replies) {}

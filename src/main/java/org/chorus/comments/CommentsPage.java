package org.chorus.comments;

import java.time.Instant;
import java.util.List;
import org.chorus.statements.StatementHeading;

/**
 * The comments of a statement as one reader sees them: the approved threads, whether comments are open, and whether
 * this reader may write (signed in and not banned by the issuing organization).
 */
public record CommentsPage(
        StatementHeading statement,
        List<CommentThread> threads,
        boolean open,
        boolean signedIn,
        boolean banned,
        Instant now) {

    public boolean canComment() {
        return open && signedIn && !banned;
    }

    /** Visitors who are not signed in may comment as guests, confirming by email. */
    public boolean guestsWelcome() {
        return open && !signedIn;
    }

    public int count() {
        return threads.stream().mapToInt(t -> 1 + t.replies().size()).sum();
    }
}

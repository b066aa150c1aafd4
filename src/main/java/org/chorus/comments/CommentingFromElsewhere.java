package org.chorus.comments;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.chorus.accounts.AccountId;
import org.chorus.shared.NetworkPrefix;
import org.chorus.statements.Statement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies to a statement from people on other servers (the fediverse): each enters the organization's moderation
 * queue like a comment written here, under the author's handle ({@code @ana@social.example}), and is shown once
 * approved. Its author has no account here ({@link #REMOTE}): nobody edits it here, and when its author deletes it on
 * their server it is taken down.
 */
@Service
public class CommentingFromElsewhere {

    /** The author of comments from other servers: no account. */
    public static final AccountId REMOTE = new AccountId(new java.util.UUID(0, 2));

    static final int HANDLE_MAX = 100;

    private final Comments comments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentingFromElsewhere(Comments comments, ApplicationEventPublisher events, Clock clock) {
        this.comments = comments;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A reply from elsewhere to a public statement that takes comments (or to one of its comments, {@code parent});
     * empty when the statement takes none. Its text is cut to {@link Commenting#BODY_MAX}.
     */
    @Transactional
    public Optional<CommentId> receive(
            Statement statement, CommentId parent, String handle, String text, Instant writtenAt) {
        if (!statement.isPublic() || !statement.commentsEnabled()) {
            return Optional.empty();
        }
        var body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            return Optional.empty();
        }
        if (body.length() > Commenting.BODY_MAX) {
            body = body.substring(0, Commenting.BODY_MAX);
        }
        CommentId thread = null;
        if (parent != null) {
            thread = comments.byId(parent)
                    .filter(c -> c.statement().equals(statement.id()))
                    .map(c -> c.parent() == null ? c.id() : c.parent())
                    .orElse(null);
        }
        var name = handle.length() > HANDLE_MAX ? handle.substring(0, HANDLE_MAX) : handle;
        var now = clock.instant();
        var comment = new Comment(
                CommentId.random(),
                statement.id(),
                statement.issuer(),
                thread,
                REMOTE,
                name,
                body,
                CommentStatus.PENDING,
                writtenAt == null || writtenAt.isAfter(now) ? now : writtenAt,
                null,
                0);
        comments.insert(comment, NetworkPrefix.hash(null));
        events.publishEvent(new CommentAwaitsModeration(comment.id(), statement.id(), statement.issuer(), null, now));
        return Optional.of(comment.id());
    }

    /** Its author deleted it on their server: it is taken down (rejected), and off the page if it was shown. */
    @Transactional
    public void remove(CommentId id) {
        comments.byId(id).filter(c -> c.author().equals(REMOTE)).ifPresent(comment -> {
            comments.decide(id, CommentStatus.REJECTED);
            if (comment.approved()) {
                events.publishEvent(new CommentWithdrawn(id, comment.statement()));
            }
        });
    }
}

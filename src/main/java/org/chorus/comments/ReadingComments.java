package org.chorus.comments;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.shared.NotFoundException;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the comments of a statement for its comments page, in a bounded number of queries. */
@Service
@Transactional(readOnly = true)
public class ReadingComments {

    private final Comments comments;
    private final ReadingStatements statements;
    private final Clock clock;

    ReadingComments(Comments comments, ReadingStatements statements, Clock clock) {
        this.comments = comments;
        this.statements = statements;
        this.clock = clock;
    }

    /** The approved threads of a statement the viewer may read (drafts only for its writers, as the statement). */
    public CommentsPage page(Actor viewer, String slug) {
        var statement = statements.heading(viewer, slug, null);
        var s = statement.statement();
        boolean open = s.isPublic() && s.commentsEnabled();
        var approved = s.isPublic() ? comments.approvedOn(s.id()) : List.<Comment>of();
        boolean banned = viewer != null && open && comments.banned(s.issuer(), viewer.account());
        return new CommentsPage(statement, threads(approved), open, viewer != null, banned, clock.instant());
    }

    /**
     * The approved threads of a public statement, oldest first, in one query: what its page shows under the text.
     * Only for a statement the caller knows to be public (the statement page's contribution).
     */
    public List<CommentThread> threadsOf(StatementId statement) {
        return threads(comments.approvedOn(statement));
    }

    private static List<CommentThread> threads(List<Comment> approved) {
        var threads = new LinkedHashMap<CommentId, List<Comment>>();
        var tops = new LinkedHashMap<CommentId, Comment>();
        for (var c : approved) {
            if (c.parent() == null) {
                tops.put(c.id(), c);
                threads.put(c.id(), new ArrayList<>());
            }
        }
        for (var c : approved) {
            // replies whose comment was withdrawn are withdrawn with it
            if (c.parent() != null && threads.containsKey(c.parent())) {
                threads.get(c.parent()).add(c);
            }
        }
        return tops.values().stream()
                .map(c -> new CommentThread(c, List.copyOf(threads.get(c.id()))))
                .toList();
    }

    /** How many comments a public statement's comments page shows, in one query. */
    public int shownOn(StatementId statement) {
        return comments.shownOn(statement);
    }

    /** The address of the statement a comment was written on. */
    public String statementSlug(Comment comment) {
        return statements.slugOf(comment.statement()).orElseThrow(() -> new NotFoundException("statement.not-found"));
    }

    public Comment comment(CommentId id) {
        return comments.byId(id).orElseThrow(() -> new NotFoundException("comment.not-found"));
    }
}

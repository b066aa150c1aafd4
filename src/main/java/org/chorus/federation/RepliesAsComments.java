package org.chorus.federation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.chorus.comments.CommentId;
import org.chorus.comments.CommentingFromElsewhere;
import org.chorus.federation.activitystreams.Activities;
import org.chorus.federation.activitystreams.RemoteActor;
import org.chorus.statements.ReadingStatements;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * Public replies from other servers to a statement (or to a reply that became a comment) become comments waiting for
 * the organization's moderators ({@link CommentingFromElsewhere}), under the author's handle. A reply not addressed
 * to the public (a direct message, followers only) is never published: it is dropped. The note's id is kept
 * ({@code federation_remote_notes}) so its author's Delete takes the comment down and replies to it join its thread.
 */
@Component
class RepliesAsComments {

    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern PARAGRAPH_END = Pattern.compile("(?i)</p>\\s*");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private final ReadingStatements statements;
    private final CommentingFromElsewhere commenting;
    private final Addresses addresses;
    private final JdbcClient jdbc;
    private final Clock clock;

    RepliesAsComments(
            ReadingStatements statements,
            CommentingFromElsewhere commenting,
            Addresses addresses,
            JdbcClient jdbc,
            Clock clock) {
        this.statements = statements;
        this.commenting = commenting;
        this.addresses = addresses;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A Create: its Note, if it publicly replies to a statement here or to a reply kept here, becomes a comment. */
    void created(RemoteActor actor, JsonNode create) {
        var note = Activities.object(create)
                .filter(o -> Activities.hasType(o, "Note"))
                .orElse(null);
        if (note == null || !Activities.isPublic(create)) {
            return;
        }
        var noteId = Activities.id(note).orElse(null);
        var attributed = Activities.id(note.get("attributedTo")).orElse(actor.id());
        if (noteId == null || !attributed.equals(actor.id()) || !Activities.sameOrigin(noteId, actor.id())) {
            return;
        }
        var inReplyTo = Activities.id(note.get("inReplyTo")).orElse(null);
        if (inReplyTo == null) {
            return;
        }
        var target = target(inReplyTo);
        if (target.isEmpty()) {
            return;
        }
        var statement = statements.publicStatement(target.get().slug()).orElse(null);
        if (statement == null) {
            return;
        }
        commenting
                .receive(statement, target.get().parent(), handle(actor), text(note), published(note))
                .ifPresent(comment -> jdbc.sql("""
                                insert into federation_remote_notes
                                    (note_id, actor_id, comment_id, statement_id, received_at)
                                values (:note, :actor, :comment, :statement, :now) on conflict do nothing""")
                        .param("note", noteId)
                        .param("actor", actor.id())
                        .param("comment", comment.value())
                        .param("statement", statement.id().value())
                        .param("now", Timestamp.from(clock.instant()))
                        .update());
    }

    /** What a reply answers: a public statement here (by its address), or a reply that became a comment. */
    private record Target(String slug, CommentId parent) {}

    private Optional<Target> target(String inReplyTo) {
        var prefix = addresses.statement("");
        if (inReplyTo.startsWith(prefix)) {
            var slug = inReplyTo.substring(prefix.length());
            return slug.isEmpty() || slug.contains("/") || !publicStatement(slug)
                    ? Optional.empty()
                    : Optional.of(new Target(slug, null));
        }
        return jdbc.sql("""
                        select n.comment_id, n.statement_id from federation_remote_notes n where n.note_id = :note""")
                .param("note", inReplyTo)
                .query((rs, n) -> new Object[] {rs.getObject(1), rs.getObject(2)})
                .optional()
                .flatMap(row -> statements
                        .slugOf(new org.chorus.statements.StatementId((UUID) row[1]))
                        .filter(this::publicStatement)
                        .map(slug -> new Target(slug, new CommentId((UUID) row[0]))));
    }

    private boolean publicStatement(String slug) {
        return statements.publicStatement(slug).isPresent();
    }

    /** A Delete of a note by its author: the comment it became is taken down. */
    void deleted(RemoteActor actor, String noteId) {
        jdbc.sql("delete from federation_remote_notes where note_id = :note and actor_id = :actor returning comment_id")
                .param("note", noteId)
                .param("actor", actor.id())
                .query((rs, n) -> new CommentId((UUID) rs.getObject(1)))
                .optional()
                .ifPresent(commenting::remove);
    }

    static String handle(RemoteActor actor) {
        return ManagingFederation.handle(actor.id(), actor.preferredUsername());
    }

    /** The note's text as plain text: paragraphs and line breaks kept, tags dropped, entities read. */
    static String text(JsonNode note) {
        var content = note.get("content");
        return content == null || !content.isString() ? "" : text(content.asString());
    }

    /** HTML as plain text: paragraphs and line breaks kept, tags dropped, entities read. */
    static String text(String content) {
        var html = BREAK.matcher(content).replaceAll("\n");
        html = PARAGRAPH_END.matcher(html).replaceAll("\n\n");
        return HtmlUtils.htmlUnescape(TAG.matcher(html).replaceAll("")).strip();
    }

    private static Instant published(JsonNode note) {
        var published = note.get("published");
        try {
            return published != null && published.isString() ? Instant.parse(published.asString()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package org.chorus.comments.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import java.util.Optional;
import org.chorus.comments.ReadingComments;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.chorus.statements.AfterStatementText;
import org.springframework.stereotype.Component;

/**
 * A statement's comments under its text on the statement's page, with the way to the comments page to write, reply
 * or report (and to read a long thread whole). What is shown changes only when a comment is approved, edited or
 * withdrawn ({@code CommentApproved}, {@code CommentWithdrawn}: events that renew the page cache), so it is read, in
 * one query, when the page is rendered.
 */
@Component
class CommentsAfterStatementText implements PageContribution<AfterStatementText> {

    /** Threads shown under the text; a longer discussion is read whole on the comments page. */
    static final int SHOWN = 20;

    private final ReadingComments reading;
    private final TemplateEngine templates;

    CommentsAfterStatementText(ReadingComments reading, TemplateEngine templates) {
        this.reading = reading;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(AfterStatementText slot, Ui ui) {
        if (!slot.commentsOpen()) {
            return Optional.empty();
        }
        var threads = reading.threadsOf(slot.statement());
        int count = threads.stream().mapToInt(t -> 1 + t.replies().size()).sum();
        var model = Map.<String, Object>of(
                "ui",
                ui,
                "slug",
                slot.slug(),
                "count",
                count,
                "threads",
                threads.stream().limit(SHOWN).toList(),
                "more",
                threads.size() > SHOWN);
        return Optional.of(output -> templates.render("comments/under-statement.jte", model, output));
    }
}

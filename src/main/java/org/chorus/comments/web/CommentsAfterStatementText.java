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
 * The link to a statement's comments, with their number, on the statement's page. The number changes only when a
 * comment is approved or withdrawn, events that renew the page cache, so it is read when the page is rendered.
 */
@Component
class CommentsAfterStatementText implements PageContribution<AfterStatementText> {

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
        var model = Map.<String, Object>of("ui", ui, "slug", slot.slug(), "count", reading.shownOn(slot.statement()));
        return Optional.of(output -> templates.render("comments/statement-link.jte", model, output));
    }
}

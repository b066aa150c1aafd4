package org.chorus.federation.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import java.util.Optional;
import org.chorus.federation.FederatedStatements;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.chorus.statements.AfterStatementText;
import org.springframework.stereotype.Component;

/**
 * How many people on other servers liked and boosted a public statement, under its text: one query when the page is
 * rendered; the page cache's minute bounds how late a new like shows (a like is no reason to render the page again).
 * Nothing is shown before the first.
 */
@Component
class ReactionsOnStatementPage implements PageContribution<AfterStatementText> {

    private final FederatedStatements statements;
    private final TemplateEngine templates;

    ReactionsOnStatementPage(FederatedStatements statements, TemplateEngine templates) {
        this.statements = statements;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(AfterStatementText slot, Ui ui) {
        if (!slot.isPublic()) {
            return Optional.empty();
        }
        var counts = statements.reactions(slot.statement());
        if (counts.likes() == 0 && counts.boosts() == 0) {
            return Optional.empty();
        }
        var model = Map.<String, Object>of("ui", ui, "likes", counts.likes(), "boosts", counts.boosts());
        return Optional.of(output -> templates.render("federation/reactions-on-statement.jte", model, output));
    }
}

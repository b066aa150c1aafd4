package org.chorus.signons.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import java.util.Optional;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.chorus.signons.ReadingSignOns;
import org.chorus.statements.AfterStatementText;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The sign-on totals under a statement opened for sign-on, with the way to the list: read in one query from the totals
 * the count job keeps. With JavaScript the number refreshes itself (htmx polls the counter, a page the cache keeps);
 * the statement's pages go stale when the job finds new totals, never on each sign-on.
 */
@Component
@Order(10)
class SignOnTotalsOnStatementPage implements PageContribution<AfterStatementText> {

    private final ReadingSignOns reading;
    private final TemplateEngine templates;

    SignOnTotalsOnStatementPage(ReadingSignOns reading, TemplateEngine templates) {
        this.reading = reading;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(AfterStatementText slot, Ui ui) {
        return reading.totals(slot.statement())
                .map(totals -> output -> templates.render(
                        "signons/totals.jte", Map.of("ui", ui, "slug", slot.slug(), "totals", totals), output));
    }
}

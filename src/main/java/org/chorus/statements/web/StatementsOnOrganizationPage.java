package org.chorus.statements.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import java.util.Optional;
import org.chorus.organizations.AfterOrganizationProfile;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.chorus.statements.ReadingStatements;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * An organization's latest statements on its page, with their number and a link to all of them, and the latest of the
 * organizations below it (a coalition's commissions and chapters). Publications and retractions renew the page cache.
 */
@Component
@Order(0)
class StatementsOnOrganizationPage implements PageContribution<AfterOrganizationProfile> {

    static final int LATEST = 5;

    private final ReadingStatements reading;
    private final TemplateEngine templates;

    StatementsOnOrganizationPage(ReadingStatements reading, TemplateEngine templates) {
        this.reading = reading;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(AfterOrganizationProfile slot, Ui ui) {
        if (!slot.organization().active()) {
            return Optional.empty();
        }
        var statements = reading.ofOrganizationPage(slot.organization().id(), slot.below(), ui.lang(), LATEST);
        var model = Map.<String, Object>of(
                "ui", ui, "organization", slot.organization(), "own", statements.own(), "below", statements.below());
        return Optional.of(output -> templates.render("statements/organization-statements.jte", model, output));
    }
}

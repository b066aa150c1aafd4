package org.chorus.actions.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import java.util.Optional;
import org.chorus.actions.ReadingActions;
import org.chorus.organizations.AfterOrganizationProfile;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The link to subscribe to an organization's calendar on its page, below its campaigns; nothing when the calendar would
 * be empty (no action hosted, no campaign published).
 */
@Component
@Order(-1)
class CalendarOnOrganizationPage implements PageContribution<AfterOrganizationProfile> {

    private final ReadingActions reading;
    private final TemplateEngine templates;

    CalendarOnOrganizationPage(ReadingActions reading, TemplateEngine templates) {
        this.reading = reading;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(AfterOrganizationProfile slot, Ui ui) {
        var organization = slot.organization();
        if (!organization.active() || !reading.hasOrganizationCalendar(organization.id())) {
            return Optional.empty();
        }
        var model = Map.<String, Object>of("ui", ui, "organization", organization);
        return Optional.of(output -> templates.render("actions/organization-calendar.jte", model, output));
    }
}

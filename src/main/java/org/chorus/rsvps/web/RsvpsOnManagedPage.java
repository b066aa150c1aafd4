package org.chorus.rsvps.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import java.util.Optional;
import org.chorus.actions.ManagedByLink;
import org.chorus.rsvps.ReadingRsvps;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Component;

/** On the page of an action's private manage link: how many are going, and the way to the attendees and settings. */
@Component
class RsvpsOnManagedPage implements PageContribution<ManagedByLink> {

    private final ReadingRsvps rsvps;
    private final TemplateEngine templates;

    RsvpsOnManagedPage(ReadingRsvps rsvps, TemplateEngine templates) {
        this.rsvps = rsvps;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(ManagedByLink slot, Ui ui) {
        var model = Map.<String, Object>of(
                "ui",
                ui,
                "path",
                slot.path() + "/rsvps",
                "going",
                rsvps.going(slot.action().id()));
        return Optional.of(output -> templates.render("rsvps/on-managed.jte", model, output));
    }
}

package org.chorus.rsvps.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import java.util.Optional;
import org.chorus.accounts.AccountId;
import org.chorus.actions.AfterActionDetails;
import org.chorus.organizations.Actor;
import org.chorus.rsvps.ReadingRsvps;
import org.chorus.rsvps.RsvpLimits;
import org.chorus.rsvps.Rsvping;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Component;

/**
 * The RSVP part of an action's page, which the public page cache shares between anonymous readers: the public count
 * (as the count job last counted it, never names), and the form. A guest's form carries no CSRF token and no session,
 * only the action's signed stamp ({@link RsvpLimits}); a signed-in reader (whose page is not cached) answers in one
 * click or sees their own RSVP; the host and organizers get the way to attendees and settings. At most three queries.
 */
@Component
class RsvpFormOnActionPage implements PageContribution<AfterActionDetails> {

    private final Rsvping rsvping;
    private final ReadingRsvps reading;
    private final RsvpLimits limits;
    private final TemplateEngine templates;

    RsvpFormOnActionPage(Rsvping rsvping, ReadingRsvps reading, RsvpLimits limits, TemplateEngine templates) {
        this.rsvping = rsvping;
        this.reading = reading;
        this.limits = limits;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(AfterActionDetails slot, Ui ui) {
        if (!slot.isPublic() && !slot.canManage()) {
            return Optional.empty();
        }
        var viewer = ui.viewer() == null
                ? null
                : new Actor(new AccountId(ui.viewer().accountId()), ui.viewer().siteAdmin());
        var context = rsvping.formContext(
                slot.action(), slot.isPublic(), slot.cancelled(), slot.end().toInstant());
        var model = new HashMap<String, Object>();
        model.put("ui", ui);
        model.put("action", slot.action());
        model.put("going", reading.going(slot.action()));
        model.put("context", context);
        model.put(
                "mine",
                viewer == null ? null : rsvping.ofViewer(viewer, slot.action()).orElse(null));
        model.put("stamp", context.open() && viewer == null ? limits.stamp(slot.action()) : "");
        model.put("form", RsvpFormFields.empty());
        model.put("errors", FormErrors.none());
        model.put("canManage", slot.canManage());
        return Optional.of(output -> templates.render("rsvps/on-action.jte", model, output));
    }
}

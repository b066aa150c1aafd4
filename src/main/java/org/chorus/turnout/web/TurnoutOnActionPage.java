package org.chorus.turnout.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import java.util.Optional;
import org.chorus.actions.ActionReportSlot;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.chorus.turnout.ReadingTurnout;
import org.springframework.stereotype.Component;

/**
 * The action page's turnout report once it is filed: the number, the text, the photos with their captions as alt
 * text (one query). The host and the organizers also see a hidden report (marked), who filed it, "file" or "change the
 * report" once the action has started, and the organizers "hide" or "show". What anonymous readers see is the same
 * for all of them; a filed or hidden report makes the page stale ({@code TurnoutReported}, {@code TurnoutHidden}).
 */
@Component
class TurnoutOnActionPage implements PageContribution<ActionReportSlot> {

    private final ReadingTurnout reading;
    private final TemplateEngine templates;

    TurnoutOnActionPage(ReadingTurnout reading, TemplateEngine templates) {
        this.reading = reading;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(ActionReportSlot slot, Ui ui) {
        var page = slot.page();
        var action = page.action();
        var started = !slot.now().isBefore(action.details().start().toInstant());
        var canFile = page.canEdit() && started && action.isPublic() && !action.cancelled();
        if (!action.isPublic() || !started) {
            return Optional.empty();
        }
        var report = reading.report(action.id()).filter(r -> !r.hidden() || page.canEdit());
        if (report.isEmpty() && !canFile) {
            return Optional.empty();
        }
        var model = new HashMap<String, Object>();
        model.put("ui", ui);
        model.put("page", page);
        model.put("report", report.orElse(null));
        model.put("canFile", canFile);
        model.put("filer", page.canEdit() && report.isPresent() ? reading.filedBy(action.id()) : null);
        return Optional.of(output -> templates.render("turnout/on-action.jte", model, output));
    }
}

package org.chorus.turnout.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import java.util.Optional;
import org.chorus.campaigns.AfterCampaignCall;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.chorus.turnout.ReadingTurnout;
import org.springframework.stereotype.Component;

/**
 * The campaign page's reported turnout: visible reports and participants in all, by country and by day, as tables
 * (one grouped query on an index of this module's table). Shown once a report is filed; a filed or hidden report
 * makes the campaign's pages stale.
 */
@Component
class TurnoutOnCampaignPage implements PageContribution<AfterCampaignCall> {

    private final ReadingTurnout reading;
    private final TemplateEngine templates;

    TurnoutOnCampaignPage(ReadingTurnout reading, TemplateEngine templates) {
        this.reading = reading;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(AfterCampaignCall slot, Ui ui) {
        if (!slot.isPublic()) {
            return Optional.empty();
        }
        var totals = reading.totals(slot.campaign());
        if (totals.isEmpty()) {
            return Optional.empty();
        }
        var model = Map.<String, Object>of("ui", ui, "slot", slot, "totals", totals);
        return Optional.of(output -> templates.render("turnout/on-campaign.jte", model, output));
    }
}

package org.chorus.actions.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import java.util.Optional;
import org.chorus.actions.ReadingActions;
import org.chorus.campaigns.AfterCampaignCall;
import org.chorus.places.MapSettings;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Component;

/**
 * The campaign page's part about its actions: how many there are by kind and by country (one query), "add your
 * action", the map, and the link to the list that is the map's accessible alternative. The same for every anonymous
 * reader, so the page cache may keep it; approvals make the campaign's pages stale.
 */
@Component
class ActionsOnCampaignPage implements PageContribution<AfterCampaignCall> {

    private final ReadingActions reading;
    private final MapSettings map;
    private final TemplateEngine templates;

    ActionsOnCampaignPage(ReadingActions reading, MapSettings map, TemplateEngine templates) {
        this.reading = reading;
        this.map = map;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(AfterCampaignCall slot, Ui ui) {
        if (!slot.isPublic()) {
            return Optional.empty();
        }
        var model = Map.<String, Object>of(
                "ui", ui, "slot", slot, "counts", reading.counts(slot.campaign()), "settings", map);
        return Optional.of(output -> templates.render("actions/on-campaign.jte", model, output));
    }
}

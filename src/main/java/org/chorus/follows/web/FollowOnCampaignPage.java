package org.chorus.follows.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import java.util.Optional;
import org.chorus.campaigns.AfterCampaignCall;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Component;

/**
 * "Follow this campaign" on a published campaign's page, until its window ends: a plain GET form (a city, optional)
 * that opens the follow form, so the cached page carries no session and no token.
 */
@Component
@org.springframework.core.annotation.Order(100)
class FollowOnCampaignPage implements PageContribution<AfterCampaignCall> {

    private final TemplateEngine templates;

    FollowOnCampaignPage(TemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(AfterCampaignCall slot, Ui ui) {
        if (!slot.isPublic() || slot.phase() == org.chorus.campaigns.Campaign.Phase.ENDED) {
            return Optional.empty();
        }
        var model = Map.<String, Object>of("ui", ui, "slot", slot);
        return Optional.of(output -> templates.render("follows/on-campaign.jte", model, output));
    }
}

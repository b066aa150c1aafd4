package org.chorus.campaigns.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import java.util.Optional;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.organizations.AfterOrganizationProfile;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * An organization's latest published campaigns on its page, with a link to all of them; nothing when it has none. A
 * publication or change renews the page cache (the campaigns' events are {@code PublicPagesChanged}).
 */
@Component
@Order(-2)
class CampaignsOnOrganizationPage implements PageContribution<AfterOrganizationProfile> {

    static final int LATEST = 3;

    private final ReadingCampaigns reading;
    private final TemplateEngine templates;

    CampaignsOnOrganizationPage(ReadingCampaigns reading, TemplateEngine templates) {
        this.reading = reading;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(AfterOrganizationProfile slot, Ui ui) {
        if (!slot.organization().active()) {
            return Optional.empty();
        }
        var campaigns = reading.ofOrganizationPage(slot.organization().id(), ui.lang(), LATEST);
        if (campaigns.isEmpty()) {
            return Optional.empty();
        }
        var model = Map.<String, Object>of("ui", ui, "organization", slot.organization(), "campaigns", campaigns);
        return Optional.of(output -> templates.render("campaigns/organization-campaigns.jte", model, output));
    }
}

package org.chorus.letters.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import java.util.Optional;
import org.chorus.accounts.AccountId;
import org.chorus.campaigns.AfterCampaignCall;
import org.chorus.campaigns.CampaignOrganizers;
import org.chorus.letters.ReadingLetters;
import org.chorus.organizations.Actor;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Component;

/**
 * The campaign page's part about its letter: "write to your officials" when the organizers turned it on (the same for
 * every anonymous reader, so the page cache may keep it; a change of the letter makes the page stale), and for the
 * organizers, signed in, the link to the letter's page of their own.
 */
@Component
class LetterOnCampaignPage implements PageContribution<AfterCampaignCall> {

    private final ReadingLetters reading;
    private final CampaignOrganizers organizers;
    private final TemplateEngine templates;

    LetterOnCampaignPage(ReadingLetters reading, CampaignOrganizers organizers, TemplateEngine templates) {
        this.reading = reading;
        this.organizers = organizers;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(AfterCampaignCall slot, Ui ui) {
        if (!slot.isPublic()) {
            return Optional.empty();
        }
        boolean enabled = reading.hasLetter(slot.campaign());
        boolean organizer = ui.viewer() != null
                && organizers.isOrganizer(
                        new Actor(
                                new AccountId(ui.viewer().accountId()),
                                ui.viewer().siteAdmin()),
                        slot.campaign());
        if (!enabled && !organizer) {
            return Optional.empty();
        }
        var model = Map.<String, Object>of("ui", ui, "slot", slot, "enabled", enabled, "organizer", organizer);
        return Optional.of(output -> templates.render("letters/on-campaign.jte", model, output));
    }
}

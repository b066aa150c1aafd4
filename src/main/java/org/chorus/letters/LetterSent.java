package org.chorus.letters;

import java.util.List;
import org.chorus.campaigns.CampaignId;

/** Letters went to these officials of one country (ids and the country only: nothing of the supporter). */
public record LetterSent(CampaignId campaign, String country, List<TargetId> targets, Way way) {

    public LetterSent {
        targets = List.copyOf(targets);
    }
}

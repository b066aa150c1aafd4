package org.chorus.letters;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.chorus.campaigns.PublishedCampaign;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a published campaign's letter for its public pages: the countries it goes to, and one country's officials. */
@Service
@Transactional(readOnly = true)
public class ReadingLetters {

    private final Letters letters;
    private final ReadingCampaigns campaigns;
    private final Clock clock;

    ReadingLetters(Letters letters, ReadingCampaigns campaigns, Clock clock) {
        this.letters = letters;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** The letter page: the campaign, its letter in {@code language} (else the first written), and its countries. */
    public record Overview(
            PublishedCampaign campaign,
            CampaignLetter letter,
            LetterText text,
            List<String> countries,
            LocalDate today) {

        public boolean open() {
            return letter.openOn(today);
        }
    }

    /** One country's page: its officials and the letter to personalize. */
    public record CountryPage(
            PublishedCampaign campaign,
            CampaignLetter letter,
            LetterText text,
            String country,
            List<Target> targets,
            LocalDate today) {

        public boolean open() {
            return letter.openOn(today);
        }
    }

    /** The letter of a published campaign that has one turned on; 404 otherwise. */
    public Overview overview(String slug, String language) {
        var campaign = published(slug, language);
        var letter = enabled(campaign);
        return new Overview(
                campaign, letter, text(letter, campaign, language), letters.countries(campaign.id()), today(campaign));
    }

    /** The page of a country with officials; 404 for a country without any. */
    public CountryPage country(String slug, String country, String language) {
        var campaign = published(slug, language);
        var letter = enabled(campaign);
        var cc = country == null ? "" : country.toUpperCase(java.util.Locale.ROOT);
        var targets = cc.matches("[A-Z]{2}") ? letters.targets(campaign.id(), cc) : List.<Target>of();
        if (targets.isEmpty()) {
            throw new NotFoundException("letter.country-unknown");
        }
        return new CountryPage(campaign, letter, text(letter, campaign, language), cc, targets, today(campaign));
    }

    /** Whether the campaign has a letter turned on (for the campaign page's link), in one query. */
    public boolean hasLetter(org.chorus.campaigns.CampaignId campaign) {
        return letters.enabled(campaign);
    }

    /** The letter in the reader's language, else in the campaign's (its title's language is its original then). */
    private static LetterText text(CampaignLetter letter, PublishedCampaign campaign, String language) {
        return letter.text(language, campaign.language());
    }

    private LocalDate today(PublishedCampaign campaign) {
        return clock.instant().atZone(campaign.zone()).toLocalDate();
    }

    private CampaignLetter enabled(PublishedCampaign campaign) {
        return letters.letter(campaign.id())
                .filter(CampaignLetter::enabled)
                .orElseThrow(() -> new NotFoundException("letter.not-found"));
    }

    private PublishedCampaign published(String slug, String language) {
        return campaigns.published(slug, language).orElseThrow(() -> new NotFoundException("campaign.not-found"));
    }
}

package org.chorus.letters;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.chorus.campaigns.CampaignId;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.FormDates;
import org.chorus.shared.InvalidField;

/**
 * A campaign's letter to officials: on or off, the send window (local dates in the campaign's zone, both included),
 * whether the subject is locked, and its words in each of the campaign's languages.
 */
public record CampaignLetter(
        CampaignId campaign,
        String campaignSlug,
        boolean enabled,
        LocalDate opensOn,
        LocalDate closesOn,
        boolean subjectLocked,
        List<LetterText> texts) {

    public CampaignLetter {
        texts = List.copyOf(texts);
    }

    /** The settings as the organizers' form gives them, checked together with the texts already checked. */
    public static CampaignLetter written(
            CampaignId campaign,
            String slug,
            boolean enabled,
            String opensOn,
            String closesOn,
            boolean subjectLocked,
            List<LetterText> texts) {
        var checks = new FieldChecks();
        var opens = checks.check(() -> date("opensOn", opensOn));
        var closes = checks.check(() -> date("closesOn", closesOn));
        if (opens != null && closes != null && closes.isBefore(opens)) {
            checks.check(() -> {
                throw new InvalidField("closesOn", "letter.window.closes-before-opening");
            });
        }
        checks.done();
        return new CampaignLetter(campaign, slug, enabled, opens, closes, subjectLocked, texts);
    }

    /** Whether supporters may send it on {@code today} (in the campaign's zone). */
    public boolean openOn(LocalDate today) {
        return enabled && !today.isBefore(opensOn) && !today.isAfter(closesOn);
    }

    /** The words in {@code language}, else in {@code fallback} (the campaign's original), else the first written. */
    public LetterText text(String language, String fallback) {
        return in(language).or(() -> in(fallback)).orElse(texts.getFirst());
    }

    public Optional<LetterText> in(String language) {
        return texts.stream().filter(t -> t.language().equals(language)).findFirst();
    }

    private static LocalDate date(String field, String text) {
        var date = FormDates.date(field, text, "letter.date.invalid");
        if (date == null) {
            throw new InvalidField(field, "letter.field.required");
        }
        return date;
    }
}

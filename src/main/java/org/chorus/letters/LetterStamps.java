package org.chorus.letters;

import java.time.Clock;
import java.time.Duration;
import org.chorus.campaigns.CampaignId;
import org.chorus.shared.web.SignedFormStamps;
import org.springframework.stereotype.Component;

/**
 * The stateless defence of the letter's forms, on pages the public page cache shares between readers (no session, no
 * CSRF token), as the forms of hosts without an account have: a stamp signed with a key made at start-up, naming the
 * campaign, the country and when the page was rendered. A form without a genuine stamp for them, sent sooner than a
 * person can fill it ({@link #MIN_FILL_TIME}) or from a page older than {@link #MAX_AGE}, is refused; floods are the
 * rate limits' to stop, strangers' addresses the confirmation link's.
 */
@Component
public class LetterStamps {

    static final Duration MIN_FILL_TIME = Duration.ofSeconds(3);
    static final Duration MAX_AGE = Duration.ofDays(1);

    private final SignedFormStamps stamps;

    LetterStamps(Clock clock) {
        this.stamps = new SignedFormStamps(clock, MIN_FILL_TIME, MAX_AGE, "letter");
    }

    /** A stamp for a form of the campaign's letter to this country, rendered now. */
    public String issue(CampaignId campaign, String country) {
        return stamps.issue(subject(campaign, country));
    }

    /** Throws {@code letter.form-invalid}, {@code letter.too-fast} or {@code letter.form-expired} unless genuine. */
    void check(CampaignId campaign, String country, String stamp) {
        stamps.check(subject(campaign, country), stamp);
    }

    /** What a stamp is for: the campaign and the country, without a dot (the stamp's separator). */
    private static String subject(CampaignId campaign, String country) {
        return campaign.value() + "-" + country.toUpperCase(java.util.Locale.ROOT);
    }
}

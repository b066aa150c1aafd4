package org.chorus.letters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.chorus.campaigns.CampaignId;
import org.chorus.shared.InvalidField;
import org.chorus.shared.SigningKey;
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

    private final Clock clock;
    private final SigningKey key = new SigningKey();

    LetterStamps(Clock clock) {
        this.clock = clock;
    }

    /** A stamp for a form of the campaign's letter to this country, rendered now. */
    public String issue(CampaignId campaign, String country) {
        var value = campaign.value() + "." + country.toUpperCase(java.util.Locale.ROOT) + "."
                + clock.instant().toEpochMilli();
        return value + "." + key.sign(value);
    }

    /** Throws {@code letter.form-invalid}, {@code letter.too-fast} or {@code letter.form-expired} unless genuine. */
    void check(CampaignId campaign, String country, String stamp) {
        int signatureAt = stamp == null || stamp.length() > 200 ? -1 : stamp.lastIndexOf('.');
        var value = signatureAt < 1 ? "" : stamp.substring(0, signatureAt);
        var prefix = campaign.value() + "." + country.toUpperCase(java.util.Locale.ROOT) + ".";
        if (value.isEmpty() || !key.signed(value, stamp.substring(signatureAt + 1)) || !value.startsWith(prefix)) {
            throw new InvalidField("form", "letter.form-invalid");
        }
        Instant shown;
        try {
            shown = Instant.ofEpochMilli(Long.parseLong(value.substring(prefix.length())));
        } catch (NumberFormatException e) {
            throw new InvalidField("form", "letter.form-invalid");
        }
        var now = clock.instant();
        if (now.isBefore(shown.plus(MIN_FILL_TIME))) {
            throw new InvalidField("form", "letter.too-fast", MIN_FILL_TIME.toSeconds());
        }
        if (now.isAfter(shown.plus(MAX_AGE))) {
            throw new InvalidField("form", "letter.form-expired");
        }
    }
}

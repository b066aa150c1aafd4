package org.chorus.actions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.chorus.campaigns.CampaignId;
import org.chorus.shared.InvalidField;
import org.chorus.shared.SigningKey;
import org.springframework.stereotype.Component;

/**
 * The stateless defence of the form of hosts without an account, a page the public page cache shares between readers
 * (so no session and no CSRF token): a stamp signed with a key made at start-up, naming the campaign and when the form
 * was rendered. A form without a genuine stamp for this campaign, sent sooner than a person can fill it
 * ({@link #MIN_FILL_TIME}) or from a page older than {@link #MAX_AGE}, is refused. As on the sign-on form, one stamp
 * serves every reader of a cached page; floods are the rate limits' to stop, strangers' addresses the confirmation
 * link's.
 */
@Component
public class HostFormStamps {

    static final Duration MIN_FILL_TIME = Duration.ofSeconds(3);
    static final Duration MAX_AGE = Duration.ofDays(1);

    private final Clock clock;
    private final SigningKey key = new SigningKey();

    HostFormStamps(Clock clock) {
        this.clock = clock;
    }

    /** A stamp for the form under this campaign, rendered now. */
    public String issue(CampaignId campaign) {
        var value = campaign.value() + "." + clock.instant().toEpochMilli();
        return value + "." + key.sign(value);
    }

    /** Throws {@code action.form-invalid}, {@code action.too-fast} or {@code action.form-expired} unless genuine. */
    void check(CampaignId campaign, String stamp) {
        int signatureAt = stamp == null || stamp.length() > 200 ? -1 : stamp.lastIndexOf('.');
        var value = signatureAt < 1 ? "" : stamp.substring(0, signatureAt);
        if (value.isEmpty()
                || !key.signed(value, stamp.substring(signatureAt + 1))
                || !value.startsWith(campaign.value() + ".")) {
            throw new InvalidField("form", "action.form-invalid");
        }
        Instant shown;
        try {
            shown = Instant.ofEpochMilli(Long.parseLong(value.substring(value.indexOf('.') + 1)));
        } catch (NumberFormatException e) {
            throw new InvalidField("form", "action.form-invalid");
        }
        var now = clock.instant();
        if (now.isBefore(shown.plus(MIN_FILL_TIME))) {
            throw new InvalidField("form", "action.too-fast", MIN_FILL_TIME.toSeconds());
        }
        if (now.isAfter(shown.plus(MAX_AGE))) {
            throw new InvalidField("form", "action.form-expired");
        }
    }
}

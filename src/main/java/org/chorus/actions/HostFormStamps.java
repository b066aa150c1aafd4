package org.chorus.actions;

import java.time.Clock;
import java.time.Duration;
import org.chorus.campaigns.CampaignId;
import org.chorus.shared.web.SignedFormStamps;
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

    private final SignedFormStamps stamps;

    HostFormStamps(Clock clock) {
        this.stamps = new SignedFormStamps(clock, MIN_FILL_TIME, MAX_AGE, "action");
    }

    /** A stamp for the form under this campaign, rendered now. */
    public String issue(CampaignId campaign) {
        return stamps.issue(campaign.value().toString());
    }

    /** Throws {@code action.form-invalid}, {@code action.too-fast} or {@code action.form-expired} unless genuine. */
    void check(CampaignId campaign, String stamp) {
        stamps.check(campaign.value().toString(), stamp);
    }
}

package org.chorus.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.chorus.shared.InvalidField;
import org.chorus.shared.SigningKey;

/**
 * The stateless defence of a form on a page the public page cache shares between readers (so no session and no CSRF
 * token): a stamp signed with a key made at start-up, naming what the form is for and when it was rendered. A form
 * without a genuine stamp for its subject, sent sooner than a person can fill it or from a page older than the maximum
 * age, is refused with {@code <prefix>.form-invalid}, {@code <prefix>.too-fast} or {@code <prefix>.form-expired} on the
 * field {@code form}. One stamp serves every reader of a cached page; floods are the rate limits' to stop, strangers'
 * addresses the confirmation link's (as the sign-on form and the form of hosts without an account do).
 */
public final class SignedFormStamps {

    private final Clock clock;
    private final Duration minFillTime;
    private final Duration maxAge;
    private final String prefix;
    private final SigningKey key = new SigningKey();

    public SignedFormStamps(Clock clock, Duration minFillTime, Duration maxAge, String prefix) {
        this.clock = clock;
        this.minFillTime = minFillTime;
        this.maxAge = maxAge;
        this.prefix = prefix;
    }

    /** A stamp for the form about this subject (an id without dots), rendered now. */
    public String issue(String subject) {
        var value = subject + "." + clock.instant().toEpochMilli();
        return value + "." + key.sign(value);
    }

    /** Throws an {@link InvalidField} on {@code form} unless the stamp is genuine, for this subject, and timely. */
    public void check(String subject, String stamp) {
        int signatureAt = stamp == null || stamp.length() > 200 ? -1 : stamp.lastIndexOf('.');
        var value = signatureAt < 1 ? "" : stamp.substring(0, signatureAt);
        if (value.isEmpty()
                || !key.signed(value, stamp.substring(signatureAt + 1))
                || !value.startsWith(subject + ".")) {
            throw new InvalidField("form", prefix + ".form-invalid");
        }
        Instant shown;
        try {
            shown = Instant.ofEpochMilli(Long.parseLong(value.substring(subject.length() + 1)));
        } catch (NumberFormatException e) {
            throw new InvalidField("form", prefix + ".form-invalid");
        }
        var now = clock.instant();
        if (now.isBefore(shown.plus(minFillTime))) {
            throw new InvalidField("form", prefix + ".too-fast", minFillTime.toSeconds());
        }
        if (now.isAfter(shown.plus(maxAge))) {
            throw new InvalidField("form", prefix + ".form-expired");
        }
    }
}

package org.chorus.signons;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.chorus.shared.InvalidField;
import org.chorus.shared.SigningKey;
import org.chorus.statements.StatementId;
import org.springframework.stereotype.Component;

/**
 * The stateless defence of the sign-on form, which lives on the statement page that the public page cache shares
 * between readers: no session, so no CSRF token, but a stamp signed with a key made at start-up, naming the statement
 * and the time the form was rendered. A submission without a genuine stamp for this statement, sooner than a person
 * can fill the form ({@code chorus.signons.min-fill-seconds}, 3 s), or from a page older than {@link #MAX_AGE} is refused. Unlike a comment's, the stamp cannot be
 * good for one use: every reader of a cached page gets the same one (the cache renders a page again at least every
 * two minutes). Floods are the rate limits' to stop, strangers' addresses the confirmation link's.
 */
@Component
public class SignOnStamps {

    static final Duration MAX_AGE = Duration.ofDays(1);

    private final Clock clock;
    private final Duration minFillTime;
    private final SigningKey key = new SigningKey();

    SignOnStamps(Clock clock, SignOnLimits limits) {
        this.clock = clock;
        this.minFillTime = Duration.ofSeconds(limits.minFillSeconds());
    }

    /** A stamp for the sign-on form of this statement, rendered now. */
    public String issue(StatementId statement) {
        return issue(statement, clock.instant());
    }

    String issue(StatementId statement, Instant shown) {
        var value = statement.value() + "." + shown.toEpochMilli();
        return value + "." + key.sign(value);
    }

    /** Throws {@code signons.form-invalid}, {@code signons.too-fast} or {@code signons.form-expired} unless genuine. */
    void check(StatementId statement, String stamp) {
        int signatureAt = stamp == null ? -1 : stamp.lastIndexOf('.');
        if (signatureAt < 1 || stamp.length() > 200) {
            throw invalid();
        }
        var value = stamp.substring(0, signatureAt);
        if (!key.signed(value, stamp.substring(signatureAt + 1)) || !value.startsWith(statement.value() + ".")) {
            throw invalid();
        }
        Instant shown;
        try {
            shown = Instant.ofEpochMilli(Long.parseLong(value.substring(value.indexOf('.') + 1)));
        } catch (NumberFormatException e) {
            throw invalid();
        }
        var now = clock.instant();
        if (now.isBefore(shown.plus(minFillTime))) {
            throw new InvalidField("form", "signons.too-fast", minFillTime.toSeconds());
        }
        if (now.isAfter(shown.plus(MAX_AGE))) {
            throw new InvalidField("form", "signons.form-expired");
        }
    }

    private static InvalidField invalid() {
        return new InvalidField("form", "signons.form-invalid");
    }
}

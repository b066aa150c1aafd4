package org.chorus.signons;

import java.time.Clock;
import java.time.Duration;
import org.chorus.shared.web.SignedFormStamps;
import org.chorus.statements.StatementId;
import org.springframework.stereotype.Component;

/**
 * The stateless defence of the sign-on form, which lives on the statement page that the public page cache shares
 * between readers ({@link SignedFormStamps}): a stamp naming the statement and the time the form was rendered, refused
 * sooner than a person can fill the form ({@code chorus.signons.min-fill-seconds}, 3 s) or from a page older than
 * {@link #MAX_AGE}. Unlike a comment's, the stamp cannot be good for one use: every reader of a cached page gets the
 * same one (the cache renders a page again at least every two minutes). Floods are the rate limits' to stop,
 * strangers' addresses the confirmation link's.
 */
@Component
public class SignOnStamps {

    static final Duration MAX_AGE = Duration.ofDays(1);

    private final SignedFormStamps stamps;

    SignOnStamps(Clock clock, SignOnLimits limits) {
        this.stamps = new SignedFormStamps(clock, Duration.ofSeconds(limits.minFillSeconds()), MAX_AGE, "signons");
    }

    /** A stamp for the sign-on form of this statement, rendered now. */
    public String issue(StatementId statement) {
        return stamps.issue(statement.value().toString());
    }

    /** Throws {@code signons.form-invalid}, {@code signons.too-fast} or {@code signons.form-expired} unless genuine. */
    void check(StatementId statement, String stamp) {
        stamps.check(statement.value().toString(), stamp);
    }
}

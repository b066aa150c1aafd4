package org.chorus.comments;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.chorus.shared.InvalidField;
import org.chorus.shared.SigningKey;
import org.springframework.stereotype.Component;

/**
 * Signs the time a comment form was shown (HMAC-SHA256 with a key made at start-up), so a submission made faster than
 * a person can type, or with a forged or missing stamp, is refused. Each stamp carries a random id and is good for
 * one comment: {@link UsedFormStamps} remembers the ids of stamps that brought a comment in, until they would have
 * expired anyway, and refuses them a second time. A form shown again after a mistake carries a new stamp. A restart
 * invalidates the forms on screen; the person is asked to send again.
 */
@Component
public class FormStamps {

    static final Duration MIN_FILL_TIME = Duration.ofSeconds(3);
    static final Duration MAX_AGE = Duration.ofDays(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final SigningKey key = new SigningKey();

    FormStamps(Clock clock) {
        this.clock = clock;
    }

    /** A genuine stamp: its id, spent once, and until when it is accepted. */
    record Checked(String id, Instant usableUntil) {}

    /** A stamp for a form shown now. */
    public String issue() {
        return issue(clock.instant());
    }

    /** A stamp for a form shown at {@code shown}. */
    String issue(Instant shown) {
        var id = new byte[16];
        RANDOM.nextBytes(id);
        var value = shown.toEpochMilli() + "." + HexFormat.of().formatHex(id);
        return value + "." + key.sign(value);
    }

    /**
     * Throws {@code comment.form-invalid}, {@code comment.too-fast} or {@code comment.form-expired} unless the stamp
     * is genuine and old enough; whether it was used before is {@link UsedFormStamps}'s to say.
     */
    Checked check(String stamp) {
        int signatureAt = stamp == null ? -1 : stamp.lastIndexOf('.');
        int idAt = signatureAt < 1 ? -1 : stamp.lastIndexOf('.', signatureAt - 1);
        if (idAt < 1) {
            throw new InvalidField("body", "comment.form-invalid");
        }
        var value = stamp.substring(0, signatureAt);
        var signature = stamp.substring(signatureAt + 1);
        if (!key.signed(value, signature)) {
            throw new InvalidField("body", "comment.form-invalid");
        }
        Instant shown;
        try {
            shown = Instant.ofEpochMilli(Long.parseLong(stamp.substring(0, idAt)));
        } catch (NumberFormatException e) {
            throw new InvalidField("body", "comment.form-invalid");
        }
        var now = clock.instant();
        if (now.isBefore(shown.plus(MIN_FILL_TIME))) {
            throw new InvalidField("body", "comment.too-fast", MIN_FILL_TIME.toSeconds());
        }
        if (now.isAfter(shown.plus(MAX_AGE))) {
            throw new InvalidField("body", "comment.form-expired");
        }
        return new Checked(stamp.substring(idAt + 1, signatureAt), shown.plus(MAX_AGE));
    }
}

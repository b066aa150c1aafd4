package org.chorus.comments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.chorus.shared.InvalidField;
import org.springframework.stereotype.Component;

/**
 * Signs the time a comment form was shown (HMAC-SHA256 with a key made at start-up), so a submission made faster than
 * a person can type, or with a forged or missing stamp, is refused. A restart invalidates the forms on screen; the
 * person is asked to send again.
 */
@Component
public class FormStamps {

    static final Duration MIN_FILL_TIME = Duration.ofSeconds(3);
    static final Duration MAX_AGE = Duration.ofDays(1);

    private final Clock clock;
    private final byte[] key = new byte[32];

    FormStamps(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** A stamp for a form shown now. */
    public String issue() {
        var millis = Long.toString(clock.millis());
        return millis + "." + sign(millis);
    }

    /** Throws {@code comment.form-invalid} or {@code comment.too-fast} unless the stamp is genuine and old enough. */
    void check(String stamp) {
        if (stamp == null || stamp.indexOf('.') < 1) {
            throw new InvalidField("body", "comment.form-invalid");
        }
        var millis = stamp.substring(0, stamp.indexOf('.'));
        var signature = stamp.substring(stamp.indexOf('.') + 1);
        if (!MessageDigest.isEqual(
                sign(millis).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidField("body", "comment.form-invalid");
        }
        Instant shown;
        try {
            shown = Instant.ofEpochMilli(Long.parseLong(millis));
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
    }

    private String sign(String value) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

package org.chorus.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key made at start-up and never stored, that signs short values a page hands to a browser and gets back (form
 * stamps): HMAC-SHA256, hex. Each user makes its own, so a signature made for one purpose is worthless for another; a
 * restart invalidates what was handed out.
 */
public final class SigningKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key = new byte[32];

    public SigningKey() {
        RANDOM.nextBytes(key);
    }

    public String sign(String value) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether {@code signature} is this key's for {@code value}, compared in constant time. */
    public boolean signed(String value, String signature) {
        return signature != null
                && MessageDigest.isEqual(
                        sign(value).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }
}

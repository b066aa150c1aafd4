package org.chorus.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.springframework.stereotype.Component;

/**
 * The passwords people choose most, bundled with Chorus (no outside service is asked): the 112,130 entries of the
 * one million most common passwords of SecLists' "10 million password list" that are at least {@value
 * Passwords#MIN_LENGTH} characters long (shorter ones are refused anyway), lower-cased (docs/decisions/0014). They are
 * kept as a sorted array of 64-bit hashes (under 1 MB, against about 11 MB for a set of strings); two passwords
 * sharing a hash is a one in 10^14 chance, and would only refuse a password that was fine.
 */
@Component
class CommonPasswords {

    static final String RESOURCE = "/accounts/common-passwords.txt.gz";

    private final long[] hashes;

    CommonPasswords() {
        var stream = CommonPasswords.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the build");
        }
        try (var lines =
                new BufferedReader(new InputStreamReader(new GZIPInputStream(stream), StandardCharsets.UTF_8))) {
            var sha256 = sha256();
            this.hashes = lines.lines()
                    .filter(line -> !line.isEmpty())
                    .mapToLong(line -> hash(sha256, line))
                    .sorted()
                    .distinct()
                    .toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }

    /** Whether the password, in any case, is on the list. */
    boolean contains(String password) {
        return password != null && Arrays.binarySearch(hashes, hash(sha256(), password)) >= 0;
    }

    int size() {
        return hashes.length;
    }

    private static long hash(MessageDigest sha256, String password) {
        return ByteBuffer.wrap(sha256.digest(password.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)))
                .getLong();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

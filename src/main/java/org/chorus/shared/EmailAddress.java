package org.chorus.shared;

import java.util.regex.Pattern;

/** Checks an email address well enough to refuse typos and header tricks, without pretending to verify it. */
public final class EmailAddress {

    private static final Pattern SHAPE =
            Pattern.compile("[^\\s@\"<>()\\[\\],;:\\\\]{1,64}@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
    public static final int MAX_LENGTH = 254;

    private EmailAddress() {}

    /** Returns the trimmed address, or throws {@code email.invalid} for the field {@code email}. */
    public static String check(String email) {
        var trimmed = email == null ? "" : email.trim();
        if (trimmed.isEmpty()
                || trimmed.length() > MAX_LENGTH
                || !SHAPE.matcher(trimmed).matches()) {
            throw new InvalidField("email", "email.invalid");
        }
        return trimmed;
    }
}

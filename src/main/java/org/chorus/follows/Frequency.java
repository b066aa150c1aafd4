package org.chorus.follows;

import java.util.Locale;
import java.util.Optional;

/** How often a follower hears of new statements: each one as it is published, or a weekly digest. */
public enum Frequency {
    IMMEDIATE,
    WEEKLY;

    public String key() {
        return "follows.frequency." + name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Frequency> parse(String value) {
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}

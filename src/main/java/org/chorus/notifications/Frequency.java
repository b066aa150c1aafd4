package org.chorus.notifications;

import java.util.Locale;
import java.util.Optional;

/** How a person wants to hear of the steps that concern them; the list of tasks is there whatever they choose. */
public enum Frequency {
    /** An email for each step, as it happens (the default). */
    EACH,
    /** One email a day summing up the steps since the last one. */
    DAILY,
    /** No email. */
    NONE;

    public String key() {
        return "notification.frequency." + name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Frequency> parse(String value) {
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}

package org.chorus.letters;

import java.util.UUID;

/** The id of an official a campaign's letter goes to. */
public record TargetId(UUID value) {

    public static TargetId random() {
        return new TargetId(UUID.randomUUID());
    }

    /** The id in a path or a form, or null when it is not one. */
    public static TargetId parse(String text) {
        try {
            return text == null ? null : new TargetId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package org.chorus.signons;

import java.util.UUID;

/** Identifies a sign-on. */
public record SignOnId(UUID value) {

    public static SignOnId random() {
        return new SignOnId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

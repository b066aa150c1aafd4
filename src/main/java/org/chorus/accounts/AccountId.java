package org.chorus.accounts;

import java.util.UUID;

/** Identifies an account; other modules refer to people only by this. */
public record AccountId(UUID value) {

    public static AccountId random() {
        return new AccountId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package org.chorus.accounts;

import org.chorus.shared.InvalidField;

/** Checks the name a person is shown by. */
final class DisplayName {

    static final int MAX_LENGTH = 100;
    static final String FIELD = "displayName";

    private DisplayName() {}

    static String check(String name) {
        var trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidField(FIELD, "name.required");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidField(FIELD, "name.too-long", MAX_LENGTH);
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidField(FIELD, "name.invalid");
        }
        return trimmed;
    }
}

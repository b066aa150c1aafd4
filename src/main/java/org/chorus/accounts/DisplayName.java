package org.chorus.accounts;

import org.chorus.shared.DomainException;

/** Checks the name a person is shown by. */
final class DisplayName {

    static final int MAX_LENGTH = 100;

    private DisplayName() {}

    static String check(String name) {
        var trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw DomainException.invalid("name.required");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw DomainException.invalid("name.too-long", MAX_LENGTH);
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid("name.invalid");
        }
        return trimmed;
    }
}

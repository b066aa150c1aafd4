package org.chorus.statements;

import org.chorus.shared.InvalidField;

/** Length and presence checks shared by the statement forms. */
final class TextChecks {

    private TextChecks() {}

    static String required(String field, String value, int max, String requiredKey, String tooLongKey) {
        var clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            throw new InvalidField(field, requiredKey);
        }
        return optional(field, clean, max, tooLongKey);
    }

    static String optional(String field, String value, int max, String tooLongKey) {
        var clean = value == null ? "" : value.strip();
        if (clean.length() > max) {
            throw new InvalidField(field, tooLongKey, max);
        }
        return clean;
    }
}

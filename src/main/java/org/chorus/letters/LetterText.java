package org.chorus.letters;

import org.chorus.shared.FieldChecks;
import org.chorus.shared.InvalidField;

/**
 * The letter in one language: its subject, and a body in three parts. The supporter may rewrite the opening and the
 * closing; the core is sent as the organizers wrote it, whatever a form sends.
 */
public record LetterText(String language, String subject, String opening, String core, String closing) {

    public static final int SUBJECT_MAX = 200;
    public static final int PART_MAX = 5_000;

    /** The words as the organizers' form gives them, checked together; field names end with {@code _<language>}. */
    public static LetterText written(String language, String subject, String opening, String core, String closing) {
        var checks = new FieldChecks();
        var s = checks.check(() -> required("subject_" + language, subject, SUBJECT_MAX));
        var o = checks.check(() -> optional("opening_" + language, opening, PART_MAX));
        var c = checks.check(() -> required("core_" + language, core, PART_MAX));
        var e = checks.check(() -> optional("closing_" + language, closing, PART_MAX));
        checks.done();
        return new LetterText(language, s, o, c, e);
    }

    /** The body as it goes out: the parts, then the supporter's name, separated by blank lines. */
    public static String body(String opening, String core, String closing, String name) {
        var body = new StringBuilder();
        for (var part : new String[] {opening, core, closing, name}) {
            if (part != null && !part.isBlank()) {
                if (!body.isEmpty()) {
                    body.append("\n\n");
                }
                body.append(part.strip());
            }
        }
        return body.toString();
    }

    static String required(String field, String value, int max) {
        var clean = optional(field, value, max);
        if (clean.isEmpty()) {
            throw new InvalidField(field, "letter.field.required");
        }
        return clean;
    }

    static String optional(String field, String value, int max) {
        var clean = value == null ? "" : value.strip();
        if (clean.length() > max) {
            throw new InvalidField(field, "letter.field.too-long", max);
        }
        return clean;
    }
}

package org.chorus.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.i18n.Messages;

/**
 * The errors of a submitted form, translated for the viewer: one per field, shown next to it, and {@code global} for
 * what belongs to no single field. The one rule for forms: the controller binds the submission (request parameters or
 * a form record), calls the use case, and on {@link DomainException} renders the same page again with {@code
 * FormErrors.of(problem, messages)}; {@link FormErrorStatus} then answers with the status of the broken rule (422 for a field, 409, 403, or 429 with Retry-After), so no handler
 * sets a status for it.
 */
public record FormErrors(Map<String, String> fields, String global, int status, long retryAfterSeconds) {

    /** Errors of a refused form: 422, the status {@link FormErrorStatus} gives the page. */
    public FormErrors(Map<String, String> fields, String global) {
        this(fields, global, 422, 0);
    }

    public static FormErrors none() {
        return new FormErrors(Map.of(), null);
    }

    /**
     * What a use case refused: each {@link InvalidField} next to its field (the use case's name for it), any other
     * broken rule at the top of the form.
     */
    public static FormErrors of(DomainException problem, Messages messages) {
        if (!(problem instanceof InvalidField invalid)) {
            return new FormErrors(
                    Map.of(),
                    messages.t(problem.messageKey(), problem.arguments()),
                    problem.status(),
                    retryAfter(problem));
        }
        var errors = new LinkedHashMap<String, String>();
        for (var broken : invalid.fields()) {
            errors.putIfAbsent(broken.field(), messages.t(broken.messageKey(), broken.arguments()));
        }
        return new FormErrors(errors, null);
    }

    /**
     * A broken rule shown next to a field the form chooses, for what the use case cannot name: a rate limit shown
     * at the text being sent, an upload that never arrived.
     */
    public static FormErrors of(String field, DomainException problem, Messages messages) {
        var text = messages.t(problem.messageKey(), problem.arguments());
        return field == null
                ? new FormErrors(Map.of(), text, problem.status(), retryAfter(problem))
                : new FormErrors(Map.of(field, text), null, problem.status(), retryAfter(problem));
    }

    /** A rate limit (429) carries the seconds to wait as its first argument. */
    private static long retryAfter(DomainException problem) {
        var arguments = problem.arguments();
        return problem.status() == 429 && arguments.length > 0 && arguments[0] instanceof Number seconds
                ? seconds.longValue()
                : 0;
    }

    public String get(String field) {
        return fields.get(field);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public boolean any() {
        return !fields.isEmpty() || global != null;
    }
}

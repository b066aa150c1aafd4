package org.chorus.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chorus.shared.DomainException;
import org.chorus.shared.i18n.Messages;
import org.springframework.validation.BindingResult;

/**
 * The errors of a submitted form, translated for the viewer: one per field, shown next to it, and {@code global} for
 * what belongs to no single field.
 */
public record FormErrors(Map<String, String> fields, String global) {

    public static FormErrors none() {
        return new FormErrors(Map.of(), null);
    }

    /** Collects the first error of each field from Spring's binding result. */
    public static FormErrors of(BindingResult result, Messages messages) {
        var errors = new LinkedHashMap<String, String>();
        result.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), messages.t(e)));
        var global =
                result.getGlobalErrors().stream().map(messages::t).findFirst().orElse(null);
        return new FormErrors(errors, global);
    }

    /** A broken business rule, shown next to the field it concerns (or at the top when field is null). */
    public static FormErrors of(String field, DomainException problem, Messages messages) {
        var text = messages.t(problem.messageKey(), problem.arguments());
        return field == null ? new FormErrors(Map.of(), text) : new FormErrors(Map.of(field, text), null);
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

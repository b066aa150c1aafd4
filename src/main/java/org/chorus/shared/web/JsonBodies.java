package org.chorus.shared.web;

import java.util.Arrays;
import org.chorus.shared.DomainException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON body of an API write into the record its handler takes, strictly: a field the record does not have is
 * refused (400, naming it and those it has), as is a value of the wrong type (400, naming the field), so a client's
 * typo never passes for a field left out.
 */
public final class JsonBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonBodies() {}

    public static <T extends Record> T read(JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw new DomainException(400, "api.body-not-object");
        }
        var known =
                Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
        for (var name : body.propertyNames()) {
            if (!known.contains(name)) {
                throw new DomainException(400, "api.field-unknown", name, String.join(", ", known));
            }
        }
        for (var field : body.properties()) {
            if (hasNul(field.getValue())) {
                // PostgreSQL stores no NUL in text: refused here, naming the field, not failing when it is saved
                throw new DomainException(400, "api.field-nul", field.getKey());
            }
        }
        try {
            return JSON.treeToValue(body, type);
        } catch (JacksonException e) {
            var path = e.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null
                            ? reference.getPropertyName()
                            : String.valueOf(reference.getIndex()))
                    .toList();
            throw new DomainException(400, "api.field-type", path.isEmpty() ? "?" : String.join(".", path));
        }
    }

    /**
     * Whether a text anywhere in the document, or a field's name, holds a NUL character, which PostgreSQL cannot store
     * in text (API bodies here, ActivityStreams documents in federation).
     */
    public static boolean hasNul(JsonNode node) {
        if (node.isString()) {
            return node.asString().indexOf('\0') >= 0;
        }
        for (var entry : node.properties()) {
            if (entry.getKey().indexOf('\0') >= 0 || hasNul(entry.getValue())) {
                return true;
            }
        }
        if (node.isArray()) {
            for (var element : node) {
                if (hasNul(element)) {
                    return true;
                }
            }
        }
        return false;
    }
}

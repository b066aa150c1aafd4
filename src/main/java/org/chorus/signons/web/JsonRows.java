package org.chorus.signons.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON download written as its rows are read (a generator over the response), so a list of 100,000 sign-ons is
 * never held in memory. The generator is made only when the first byte is due, after the permission checks: until
 * then the response can still become an error page.
 */
final class JsonRows {

    private final JsonMapper mapper;
    private final HttpServletResponse response;
    private JsonGenerator generator;

    JsonRows(JsonMapper mapper, HttpServletResponse response) {
        this.mapper = mapper;
        this.response = response;
    }

    /** Starts the document with an object's field names and values, then opens the array {@code field}. */
    void startObject(Object... fieldsThenArray) {
        generator().writeStartObject();
        for (int i = 0; i + 1 < fieldsThenArray.length; i += 2) {
            generator.writeName((String) fieldsThenArray[i]);
            generator.writePOJO(fieldsThenArray[i + 1]);
        }
        generator.writeName((String) fieldsThenArray[fieldsThenArray.length - 1]);
        generator.writeStartArray();
    }

    void startArray() {
        generator().writeStartArray();
    }

    /** Closes the array the rows go into, opens the next one of the same object. */
    void nextArray(String field) {
        generator.writeEndArray();
        generator.writeName(field);
        generator.writeStartArray();
    }

    void write(Object row) {
        generator.writePOJO(row);
    }

    void endArray() {
        generator.writeEndArray();
        generator.close();
    }

    void endObject() {
        generator.writeEndArray();
        generator.writeEndObject();
        generator.close();
    }

    private JsonGenerator generator() {
        try {
            generator = mapper.createGenerator(response.getOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return generator;
    }
}

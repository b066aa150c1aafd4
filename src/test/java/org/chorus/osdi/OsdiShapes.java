package org.chorus.osdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OSDI examples of ../shared/fixtures/osdi (from the OSDI documentation), and a check that a document of ours has
 * their shape: every field we write that OSDI defines is one the example has, with the same kind of JSON value,
 * nested objects alike; fields of our own carry a prefix ({@code chorus:}, or Action Network's
 * {@code action_network:}), and so do link relations OSDI does not name (a collection's links to its items are named
 * as its embedded items are: OSDI's attendances example names them {@code osdi:submissions} by mistake).
 */
final class OsdiShapes {

    static final Path FIXTURES = Path.of(System.getProperty("chorus.shared-fixtures", "../shared/fixtures"), "osdi");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OsdiShapes() {}

    /** The example whose file name begins with {@code prefix}. */
    static JsonNode example(String prefix) {
        try (var files = Files.list(FIXTURES)) {
            var file = files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no OSDI example " + prefix));
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String text(String prefix) {
        return example(prefix).toString();
    }

    static JsonNode read(String json) {
        return JSON.readTree(json);
    }

    /** Fails unless {@code ours} has the shape of {@code theirs}, where both name a field. */
    static void assertFits(JsonNode ours, JsonNode theirs, String where) {
        for (var field : ours.properties()) {
            var name = field.getKey();
            var value = field.getValue();
            if (name.startsWith("chorus:") || name.startsWith("action_network:")) {
                continue;
            }
            if (name.equals("_embedded")) {
                continue; // embedded resources are checked against their own examples
            }
            if (name.equals("_links")) {
                for (var link : value.properties()) {
                    var rel = link.getKey();
                    assertThat(rel.startsWith("chorus:")
                                    || rel.startsWith("action_network:")
                                    || theirs.path("_links").has(rel)
                                    || theirs.path("_embedded").has(rel))
                            .as("%s: OSDI's example has no link %s", where, rel)
                            .isTrue();
                }
                continue;
            }
            assertThat(theirs.has(name))
                    .as("%s: OSDI's example has no field %s", where, name)
                    .isTrue();
            var expected = theirs.get(name);
            assertThat(kind(value)).as("%s.%s", where, name).isEqualTo(kind(expected));
            if (value.isObject()) {
                assertFits(value, expected, where + "." + name);
            } else if (value.isArray()
                    && !value.isEmpty()
                    && !expected.isEmpty()
                    && value.get(0).isObject()) {
                assertFits(value.get(0), expected.get(0), where + "." + name + "[0]");
            }
        }
    }

    private static String kind(JsonNode node) {
        if (node.isNumber()) {
            return "number";
        }
        return node.getNodeType().name();
    }
}

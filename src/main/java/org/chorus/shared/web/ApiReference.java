package org.chorus.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.chorus.shared.markdown.Markdown;
import org.chorus.shared.markdown.SafeHtml;
import tools.jackson.databind.JsonNode;

/**
 * The API reference as its page shows it, read from the OpenAPI description springdoc generates: the operations
 * grouped by the resource they belong to, each with its parameters, the fields of its body, its answers and the scope
 * its token needs. Descriptions are Markdown (rendered and sanitized).
 */
public record ApiReference(String title, SafeHtml description, List<Group> groups) {

    /** The operations of one controller, such as "Actions" or "OSDI events". */
    public record Group(String id, String name, List<Operation> operations) {}

    public record Operation(
            String id,
            String method,
            String path,
            String summary,
            SafeHtml description,
            String scope,
            List<Parameter> parameters,
            String body,
            List<Field> fields,
            List<Answer> answers) {}

    public record Parameter(String name, String in, boolean required, String description) {}

    public record Field(String name, String type, String description) {}

    public record Answer(String status, String description) {}

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** The reference of an OpenAPI 3 document. */
    public static ApiReference of(JsonNode document) {
        var schemas = document.path("components").path("schemas");
        var groups = new LinkedHashMap<String, List<Operation>>();
        for (var path : document.path("paths").properties()) {
            for (var method : METHODS) {
                var operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                var tag = operation.path("tags").path(0).asString("api");
                groups.computeIfAbsent(tag, t -> new ArrayList<>())
                        .add(operation(method, path.getKey(), operation, schemas));
            }
        }
        var list = new ArrayList<Group>();
        groups.forEach((tag, operations) -> list.add(new Group(tag, name(tag), List.copyOf(operations))));
        list.sort(java.util.Comparator.comparing((Group g) -> g.name().startsWith("OSDI"))
                .thenComparing(Group::name));
        var info = document.path("info");
        return new ApiReference(
                info.path("title").asString("API") + " " + info.path("version").asString(""),
                Markdown.render(info.path("description").asString("")),
                List.copyOf(list));
    }

    private static Operation operation(String method, String path, JsonNode operation, JsonNode schemas) {
        var parameters = new ArrayList<Parameter>();
        for (var parameter : operation.path("parameters")) {
            parameters.add(new Parameter(
                    parameter.path("name").asString(),
                    parameter.path("in").asString(),
                    parameter.path("required").asBoolean(false),
                    parameter.path("description").asString("")));
        }
        String body = null;
        var fields = new ArrayList<Field>();
        var content = operation.path("requestBody").path("content");
        if (content.isObject() && !content.isEmpty()) {
            var schema = content.properties().iterator().next().getValue().path("schema");
            body = type(schema);
            var named = schema.has("$ref") ? schemas.path(refName(schema)) : schema;
            for (var property : named.path("properties").properties()) {
                fields.add(new Field(
                        property.getKey(),
                        type(property.getValue()),
                        property.getValue().path("description").asString("")));
            }
        }
        var answers = new ArrayList<Answer>();
        for (var response : operation.path("responses").properties()) {
            answers.add(new Answer(
                    response.getKey(), response.getValue().path("description").asString("")));
        }
        var scope = operation.path("x-required-scope").asString(null);
        var id = (method + path).replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-+$", "");
        return new Operation(
                id,
                method.toUpperCase(Locale.ROOT),
                path,
                operation.path("summary").asString(""),
                Markdown.render(operation.path("description").asString("")),
                scope,
                List.copyOf(parameters),
                body,
                List.copyOf(fields),
                List.copyOf(answers));
    }

    /** A schema's type as a reader says it: a record's name, "list of …", or the JSON type (and format). */
    static String type(JsonNode schema) {
        if (schema.has("$ref")) {
            return refName(schema);
        }
        var type = schema.path("type");
        var name = type.isArray() ? type.path(0).asString("object") : type.asString("object");
        if (name.equals("array")) {
            return "list of " + type(schema.path("items"));
        }
        var format = schema.path("format").asString("");
        return format.isEmpty() ? name : name + " (" + format + ")";
    }

    private static String refName(JsonNode schema) {
        var ref = schema.path("$ref").asString();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** A controller's tag as a heading: {@code osdi-events-api} is "OSDI events", {@code sign-ons-api} "Sign ons". */
    static String name(String tag) {
        var words = tag.replaceFirst("-api$", "").replace('-', ' ').strip();
        if (words.startsWith("osdi")) {
            return ("OSDI" + words.substring(4)).strip();
        }
        return words.isEmpty() ? tag : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

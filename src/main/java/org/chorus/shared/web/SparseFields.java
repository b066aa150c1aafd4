package org.chorus.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.chorus.shared.DomainException;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sparse fieldsets on the API reads that opt in: {@code ?fields=id,title,startsAt} keeps only those fields of each
 * item of a list ({@code items}; the list's own fields, such as its cursor, stay) or of the one resource answered. A
 * name the resource does not have is a 400 naming the fields it has, so a typo is not an empty answer. Where it is
 * useful: lists a client walks or polls, whose items are large (an action's description and place).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SparseFields {

    /** The query parameter. */
    String PARAMETER = "fields";

    /** What the OpenAPI description says of the parameter. */
    String DESCRIPTION = "comma-separated names of the fields to keep in each item (or in the resource): "
            + "id,title,startsAt; all unless given";

    /** Keeps the fields asked for, after the handler and before JSON is written. */
    @ControllerAdvice
    class Filter implements ResponseBodyAdvice<Object> {

        private static final int MOST = 50;

        private final JsonMapper json;

        Filter(JsonMapper json) {
            this.json = json;
        }

        @Override
        public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
            return returnType.hasMethodAnnotation(SparseFields.class);
        }

        @Override
        public Object beforeBodyWrite(
                Object body,
                MethodParameter returnType,
                MediaType contentType,
                Class<? extends HttpMessageConverter<?>> converterType,
                ServerHttpRequest request,
                ServerHttpResponse response) {
            if (body == null || !(request instanceof ServletServerHttpRequest servlet)) {
                return body;
            }
            var asked = servlet.getServletRequest().getParameter(PARAMETER);
            if (asked == null || asked.isBlank() || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
                return body;
            }
            var names = names(asked);
            var tree = json.valueToTree(body);
            if (!(tree instanceof ObjectNode document)) {
                return body;
            }
            var items = document.get("items");
            if (items != null && items.isArray()) {
                for (var item : items) {
                    keep((ObjectNode) item, names);
                }
            } else {
                keep(document, names);
            }
            return document;
        }

        private static Set<String> names(String asked) {
            var names = new LinkedHashSet<String>();
            for (var name : asked.split(",", MOST + 1)) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
            if (names.size() > MOST) {
                throw new DomainException(400, "api.fields-too-many", MOST);
            }
            return names;
        }

        private static void keep(ObjectNode resource, Set<String> names) {
            var has = new ArrayList<String>();
            resource.propertyNames().forEach(has::add);
            for (var name : names) {
                if (!has.contains(name)) {
                    throw new DomainException(400, "api.fields-unknown", name, String.join(", ", has));
                }
            }
            resource.retain(names);
        }
    }
}

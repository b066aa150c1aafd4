package org.chorus.osdi.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HAL resource as OSDI writes it: its fields in order (null ones left out, as OSDI leaves out what a system does
 * not have), {@code _links} with absolute addresses, and {@code _embedded} resources.
 */
final class Hal {

    /** The media type of OSDI's documents. */
    static final String MEDIA_TYPE = "application/hal+json";

    /** Where the relations named {@code osdi:…} are documented (a link in the document, never loaded by Chorus). */
    static final Map<String, Object> CURIES =
            Map.of("name", "osdi", "href", "https://opensupporter.github.io/osdi-docs/{rel}", "templated", true);

    static final String ORIGIN = "Chorus";

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, Object> links = new LinkedHashMap<>();
    private final Map<String, Object> embedded = new LinkedHashMap<>();

    /** A resource of Chorus: its identifier ({@code chorus:<id>}) and origin first. */
    static Hal of(String id) {
        return new Hal().put("identifiers", List.of("chorus:" + id)).put("origin_system", ORIGIN);
    }

    static Hal empty() {
        return new Hal();
    }

    /** A field, left out when it is null or blank text (as OSDI leaves out what a system does not have). */
    Hal put(String name, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            fields.put(name, value instanceof Instant instant ? date(instant) : value);
        }
        return this;
    }

    Hal link(String rel, String href) {
        if (href != null) {
            links.put(rel, Map.of("href", href));
        }
        return this;
    }

    Hal links(String rel, List<String> hrefs) {
        links.put(rel, hrefs.stream().map(href -> Map.of("href", href)).toList());
        return this;
    }

    /** The address of its {@code self} link, or null. */
    @SuppressWarnings("unchecked")
    String self() {
        var self = (Map<String, Object>) links.get("self");
        return self == null ? null : (String) self.get("href");
    }

    /** Where the {@code osdi:} relations are explained. */
    Hal curies() {
        links.put("curies", List.of(CURIES));
        return this;
    }

    Hal embed(String rel, Object resource) {
        if (resource != null) {
            embedded.put(rel, resource instanceof Hal hal ? hal.document() : resource);
        }
        return this;
    }

    /** The resource as JSON will write it. */
    Map<String, Object> document() {
        var document = new LinkedHashMap<>(fields);
        if (!links.isEmpty()) {
            document.put("_links", links);
        }
        if (!embedded.isEmpty()) {
            document.put("_embedded", embedded);
        }
        return document;
    }

    /** OSDI's dates: UTC, to the second, as its examples write them ({@code 2014-03-20T21:04:31Z}). */
    static String date(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** The documents of these resources, in order. */
    static List<Map<String, Object>> documents(List<Hal> resources) {
        var documents = new ArrayList<Map<String, Object>>(resources.size());
        resources.forEach(r -> documents.add(r.document()));
        return documents;
    }
}

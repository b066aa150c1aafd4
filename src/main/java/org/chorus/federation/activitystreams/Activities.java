package org.chorus.federation.activitystreams;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ActivityStreams 2.0 documents as the fediverse writes them, read leniently and safely: Mastodon, Mobilizon, Gancio
 * and PeerTube each write a value that may be one thing or a list, a reference as its id or as the whole object, the
 * public audience as {@code https://www.w3.org/ns/activitystreams#Public}, {@code as:Public} or {@code Public}. Chorus
 * reads only what it needs from a document (no JSON-LD expansion) and bounds what it parses.
 */
public final class Activities {

    /** The public collection: addressed to it, an activity is public. */
    public static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    /** The largest document read (an inbox refuses longer bodies before they are parsed). */
    public static final int MAX_BYTES = 256 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32)
                            .maxStringLength(MAX_BYTES)
                            .maxNumberLength(50)
                            .build())
                    .build())
            .build();

    private Activities() {}

    /** A body that is not an ActivityStreams object Chorus can read. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }

    /** The document as a JSON object; refused when too large, not JSON, or not an object with a type. */
    public static JsonNode read(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw new Unreadable("larger than " + MAX_BYTES + " bytes");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Unreadable("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new Unreadable("not a JSON object");
        }
        if (types(node).isEmpty()) {
            throw new Unreadable("an object without a type");
        }
        if (org.chorus.shared.web.JsonBodies.hasNul(node)) {
            // PostgreSQL cannot store one in text: refused here rather than failing where a name or a reply is kept
            throw new Unreadable("a text with a NUL character");
        }
        return node;
    }

    /** The types of an object: {@code "type": "Follow"} or {@code "type": ["Person", "vcard:Individual"]}. */
    public static List<String> types(JsonNode node) {
        var types = new ArrayList<String>();
        var type = node.get("type");
        if (type != null && type.isString()) {
            types.add(type.asString());
        } else if (type != null && type.isArray()) {
            type.forEach(t -> {
                if (t.isString()) {
                    types.add(t.asString());
                }
            });
        }
        return types;
    }

    public static boolean hasType(JsonNode node, String type) {
        return types(node).contains(type);
    }

    /** The id a value refers to: a text, an object's {@code id} (a Link's {@code href}); empty for anything else. */
    public static Optional<String> id(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isString()) {
            return Optional.of(value.asString()).filter(s -> !s.isBlank());
        }
        if (value.isObject()) {
            var id = value.get("id");
            if (id == null && hasType(value, "Link")) {
                id = value.get("href");
            }
            return id != null && id.isString() && !id.asString().isBlank()
                    ? Optional.of(id.asString())
                    : Optional.empty();
        }
        return Optional.empty();
    }

    /** The ids a value refers to: one value or a list of them, each a text or an object. */
    public static List<String> ids(JsonNode value) {
        var ids = new ArrayList<String>();
        if (value != null && value.isArray()) {
            value.forEach(v -> id(v).ifPresent(ids::add));
        } else {
            id(value).ifPresent(ids::add);
        }
        return ids;
    }

    /** The object of an activity when it is given whole (not only its id). */
    public static Optional<JsonNode> object(JsonNode activity) {
        var object = activity.get("object");
        return object != null && object.isObject() ? Optional.of(object) : Optional.empty();
    }

    /**
     * Everyone an activity and its object are addressed to ({@code to}, {@code cc}, {@code bto}, {@code bcc},
     * {@code audience}), the public collection written the one way {@link #PUBLIC}.
     */
    public static Set<String> audience(JsonNode activity) {
        var audience = new LinkedHashSet<String>();
        addAudience(activity, audience);
        object(activity).ifPresent(object -> addAudience(object, audience));
        return audience;
    }

    private static void addAudience(JsonNode node, Set<String> audience) {
        for (var field : List.of("to", "cc", "bto", "bcc", "audience")) {
            for (var id : ids(node.get(field))) {
                audience.add(id.equals("as:Public") || id.equals("Public") ? PUBLIC : id);
            }
        }
    }

    public static boolean isPublic(JsonNode activity) {
        return audience(activity).contains(PUBLIC);
    }

    /** Whether two ids are on the same origin (scheme, host and port), as an activity's id and its actor must be. */
    public static boolean sameOrigin(String a, String b) {
        try {
            var x = URI.create(a);
            var y = URI.create(b);
            return x.getScheme() != null
                    && x.getHost() != null
                    && x.getScheme().equalsIgnoreCase(y.getScheme())
                    && x.getHost()
                            .toLowerCase(Locale.ROOT)
                            .equals(y.getHost() == null ? null : y.getHost().toLowerCase(Locale.ROOT))
                    && port(x) == port(y);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}

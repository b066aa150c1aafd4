package org.chorus.federation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.chorus.federation.signing.HttpSignatures;
import org.chorus.federation.signing.RsaKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Another fediverse server on loopback, as Mastodon behaves: its accounts ({@code /users/<name>}, each with a key and
 * an inbox, and a shared {@code /inbox}) answer as actors; what is posted to its inboxes is recorded. Tests sign
 * requests as its accounts with {@link #signed}. Stop it after each test.
 */
final class RemoteServer implements AutoCloseable {

    /** A request one of its inboxes received. */
    record Received(String path, Map<String, String> headers, byte[] body) {
        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }

        String type() {
            return json().get("type").asString();
        }

        /** Whether its signature verifies with this key, as Mastodon checks one. */
        boolean verifiesWith(String publicKeyPem, Instant now) {
            var request = new HttpSignatures.Request(body.length == 0 ? "GET" : "POST", path, headers, body);
            try {
                HttpSignatures.verify(request, HttpSignatures.parse(request), RsaKeys.publicKey(publicKeyPem), now);
                return true;
            } catch (HttpSignatures.Refused e) {
                return false;
            }
        }
    }

    private final HttpServer server;
    final String origin;
    final Map<String, KeyPair> keys = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> fetched = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** The requests for its actors' documents, as they came (signed, from Chorus). */
    final List<Received> fetches = new CopyOnWriteArrayList<>();

    RemoteServer(String... accounts) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin = "http://127.0.0.1:" + server.getAddress().getPort();
        for (var name : accounts) {
            keys.put(name, RsaKeys.generate());
        }
        server.createContext("/users/", this::actorOrInbox);
        // WebFinger, as Mastodon answers it: acct:name@host names the account's actor
        server.createContext("/.well-known/webfinger", exchange -> {
            var query = java.net.URLDecoder.decode(
                    String.valueOf(exchange.getRequestURI().getRawQuery()), StandardCharsets.UTF_8);
            var name = query.startsWith("resource=acct:") ? query.substring(14).split("@")[0] : "";
            if (!keys.containsKey(name) || !query.endsWith("@" + origin.substring("http://".length()))) {
                answer(exchange, 404, null);
                return;
            }
            answer(exchange, 200, """
                    {"subject": "acct:%s@%s", "links": [
                      {"rel": "http://webfinger.net/rel/profile-page", "type": "text/html", "href": "%s"},
                      {"rel": "self", "type": "application/activity+json", "href": "%s"}]}""".formatted(name, origin.substring(7), origin + "/@" + name, actor(name))
                    .getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/inbox", exchange -> {
            record(exchange);
            answer(exchange, 202, null);
        });
        server.start();
    }

    String actor(String name) {
        return origin + "/users/" + name;
    }

    private void actorOrInbox(HttpExchange exchange) throws IOException {
        var rest = exchange.getRequestURI().getPath().substring("/users/".length());
        if (rest.endsWith("/inbox") && exchange.getRequestMethod().equals("POST")) {
            record(exchange);
            answer(exchange, 202, null);
            return;
        }
        var pair = keys.get(rest);
        if (pair == null) {
            answer(exchange, 404, null);
            return;
        }
        fetched.computeIfAbsent(rest, n -> new AtomicInteger()).incrementAndGet();
        var headers = new HashMap<String, String>();
        exchange.getRequestHeaders().forEach((header, values) -> headers.put(header, String.join(", ", values)));
        fetches.add(new Received(exchange.getRequestURI().getPath(), headers, new byte[0]));
        answer(exchange, 200, document(rest).getBytes(StandardCharsets.UTF_8));
    }

    /** The actor's document, as its server publishes it. */
    String document(String name) {
        var id = actor(name);
        return """
                {"@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
                 "type": "Person", "id": "%s", "preferredUsername": "%s", "inbox": "%s/inbox",
                 "endpoints": {"sharedInbox": "%s/inbox"},
                 "publicKey": {"id": "%s#main-key", "owner": "%s", "publicKeyPem": %s}}""".formatted(
                id,
                name,
                id,
                origin,
                id,
                id,
                JsonMapper.shared()
                        .writeValueAsString(RsaKeys.publicPem(keys.get(name).getPublic())));
    }

    private void record(HttpExchange exchange) throws IOException {
        var headers = new HashMap<String, String>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        received.add(new Received(
                exchange.getRequestURI().getPath(),
                headers,
                exchange.getRequestBody().readAllBytes()));
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.getResponseHeaders().add("Content-Type", "application/activity+json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** The headers a request to {@code target} carries when {@code name} signs it at {@code at}, Content-Type included. */
    Map<String, String> signed(String name, URI target, byte[] body, Instant at) {
        return signed(name, target, body, at, "application/activity+json");
    }

    /** The same, for a body of this Content-Type (MockMvc adds a charset to the one a test gives). */
    Map<String, String> signed(String name, URI target, byte[] body, Instant at, String contentType) {
        var headers = new HashMap<>(HttpSignatures.sign(
                "POST",
                target,
                body,
                contentType,
                actor(name) + "#main-key",
                keys.get(name).getPrivate(),
                at));
        headers.put("Content-Type", contentType);
        return headers;
    }

    /**
     * A MockMvc POST of {@code body} to an inbox of Chorus at {@code path}, signed by {@code name} at {@code at} (over the
     * Content-Type MockMvc sends: it adds a charset).
     */
    org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder post(
            String name, String path, String body, Instant at) {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .content(bytes);
        signed(name, URI.create("http://localhost" + path), bytes, at, "application/activity+json;charset=UTF-8")
                .forEach(request::header);
        return request;
    }

    /** What was received of a type, in order. */
    List<Received> received(String type) {
        return received.stream().filter(r -> r.type().equals(type)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

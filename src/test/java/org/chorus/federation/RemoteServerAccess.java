package org.chorus.federation;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A {@link RemoteServer} for tests of other packages (the browser journeys): its address, the Follow it received,
 * and the activities its accounts answer with, signed as they would be.
 */
public final class RemoteServerAccess implements AutoCloseable {

    private final RemoteServer server;

    public RemoteServerAccess(String... accounts) throws IOException {
        server = new RemoteServer(accounts);
    }

    /** {@code 127.0.0.1:port}, as a handle names it. */
    public String host() {
        return server.origin.substring("http://".length());
    }

    public Map<String, String> signed(String name, URI target, byte[] body, Instant at) {
        return server.signed(name, target, body, at);
    }

    /** The last Follow received, or null. */
    public String follow() {
        var follows = server.received("Follow");
        return follows.isEmpty() ? null : follows.getLast().json().toString();
    }

    /** The Accept of the last Follow received, by the account it follows. */
    public String accept() {
        var follow = server.received("Follow").getLast().json();
        var account = follow.get("object").asString();
        return """
                {"@context": "https://www.w3.org/ns/activitystreams", "type": "Accept", "id": "%s/accepts/1",
                 "actor": "%s", "object": %s}""".formatted(account, account, follow);
    }

    /** A Create of a public article by the account. */
    public String article(String id, String title, String html) {
        var account = server.actor(server.keys.keySet().iterator().next());
        return """
                {"@context": "https://www.w3.org/ns/activitystreams", "type": "Create", "id": "%s/activities/%s",
                 "actor": "%s", "to": ["https://www.w3.org/ns/activitystreams#Public"],
                 "object": {"id": "%s/articles/%s", "type": "Article", "attributedTo": "%s", "name": "%s",
                            "content": "%s", "url": "%s/@a/%s", "published": "2026-11-30T10:00:00Z",
                            "to": ["https://www.w3.org/ns/activitystreams#Public"]}}""".formatted(account, id, account, account, id, account, title, html, server.origin, id);
    }

    @Override
    public void close() {
        server.close();
    }
}

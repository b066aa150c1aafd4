package org.chorus.federation;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.chorus.federation.activitystreams.Activities;
import org.chorus.federation.activitystreams.RemoteActor;
import org.chorus.federation.signing.HttpSignatures;
import org.chorus.shared.http.OutboundFailure;
import org.chorus.shared.http.OutboundHttp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Actors of other servers, found by the key they sign with: kept in {@code federation_remote_actors}, fetched from
 * their server (through the SSRF guard) when unknown, older than {@link #FRESH}, or asked for again because a
 * signature failed with the key kept (keys rotate). A {@code keyId} names the actor's document with a fragment
 * (Mastodon: {@code …/users/ana#main-key}) or a key document whose {@code owner} is the actor (GoToSocial).
 */
@Component
class RemoteActors {

    static final Duration FRESH = Duration.ofDays(1);
    static final String ACCEPT =
            "application/activity+json, application/ld+json; " + "profile=\"https://www.w3.org/ns/activitystreams\"";

    /** An actor that cannot be found or read; a signature that names it is refused. */
    static final class Unknown extends RuntimeException {
        Unknown(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final OutboundHttp http;
    private final ActorKeys keys;
    private final Addresses addresses;
    private final Clock clock;

    RemoteActors(JdbcClient jdbc, OutboundHttp http, ActorKeys keys, Addresses addresses, Clock clock) {
        this.jdbc = jdbc;
        this.http = http;
        this.keys = keys;
        this.addresses = addresses;
        this.clock = clock;
    }

    /** The actor whose key this is: kept if fresh (unless {@code refresh}), else fetched and kept. */
    RemoteActor byKeyId(String keyId, boolean refresh) {
        if (!refresh) {
            var kept = kept(keyId);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        var actor = fetch(keyId);
        keep(actor);
        return actor;
    }

    private Optional<RemoteActor> kept(String keyId) {
        return jdbc.sql("""
                        select id, key_id, public_key_pem, inbox, shared_inbox, preferred_username, name, url
                          from federation_remote_actors where key_id = :key and fetched_at > :fresh""")
                .param("key", keyId)
                .param("fresh", Timestamp.from(clock.instant().minus(FRESH)))
                .query((rs, n) -> new RemoteActor(
                        rs.getString("id"),
                        java.util.List.of(),
                        rs.getString("preferred_username"),
                        rs.getString("name"),
                        rs.getString("url"),
                        rs.getString("inbox"),
                        rs.getString("shared_inbox"),
                        rs.getString("key_id"),
                        rs.getString("public_key_pem")))
                .optional();
    }

    private RemoteActor fetch(String keyId) {
        var document = get(withoutFragment(keyId));
        var actor = document.has("inbox") ? document : ownerOf(document, keyId);
        var read = RemoteActor.of(actor);
        if (!read.keyId().equals(keyId)) {
            throw new Unknown("the actor " + read.id() + " signs with " + read.keyId() + ", not " + keyId);
        }
        return read;
    }

    /** A key document ({@code owner}, {@code publicKeyPem}): its owner's document, which must name the same key. */
    private tools.jackson.databind.JsonNode ownerOf(tools.jackson.databind.JsonNode key, String keyId) {
        var owner =
                Activities.id(key.get("owner")).orElseThrow(() -> new Unknown("the key " + keyId + " names no owner"));
        if (!Activities.sameOrigin(owner, keyId)) {
            throw new Unknown("the key " + keyId + " names an owner on another server");
        }
        return get(owner);
    }

    /**
     * Requests for documents are signed by the site's own actor, as Mastodon signs them: servers in authorized-fetch
     * mode answer nothing unsigned (each try is signed again, redirects included).
     */
    private OutboundHttp.Headers signedAsTheSite() {
        return (method, target, body) -> HttpSignatures.sign(
                method,
                target,
                null,
                null,
                addresses.instanceActor() + "#main-key",
                keys.instance().privateKey(),
                clock.instant());
    }

    private tools.jackson.databind.JsonNode get(String address) {
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new Unknown("not an address: " + address);
        }
        try {
            var answer = http.get(uri, ACCEPT, signedAsTheSite());
            if (!answer.ok()) {
                throw new Unknown(address + " answered " + answer.status());
            }
            var document = Activities.read(answer.body());
            var id = Activities.id(document).orElse("");
            if (!Activities.sameOrigin(id, answer.uri().toString())) {
                throw new Unknown("the document at " + answer.uri() + " claims to be " + id);
            }
            return document;
        } catch (OutboundFailure | Activities.Unreadable e) {
            throw new Unknown(address + ": " + e.getMessage());
        }
    }

    /** The actor at this address (its id, or a profile page its server answers with the actor), fetched and kept. */
    RemoteActor byAddress(String address) {
        RemoteActor actor;
        try {
            actor = RemoteActor.of(get(address));
        } catch (Activities.Unreadable e) {
            throw new Unknown(address + ": " + e.getMessage());
        }
        keep(actor);
        return actor;
    }

    /**
     * The actor a person names as they would in Mastodon's search: {@code @name@host} or {@code name@host} (found by
     * WebFinger, RFC 7033, over the scheme of this site's own address: https in production), or the address of its
     * page or document. {@link Unknown} when nothing answers with an actor.
     */
    RemoteActor lookUp(String typed) {
        var text = typed == null ? "" : typed.strip();
        if (text.startsWith("https://") || text.startsWith("http://")) {
            return byAddress(text);
        }
        var handle = text.startsWith("@") ? text.substring(1) : text;
        var at = handle.indexOf('@');
        if (at <= 0
                || at == handle.length() - 1
                || handle.indexOf('@', at + 1) >= 0
                || handle.matches(".*[\\s/?#].*")) {
            throw new Unknown("not a handle: " + text);
        }
        var host = handle.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
        URI finger;
        try {
            finger = URI.create(addresses.scheme() + "://" + host + "/.well-known/webfinger?resource=acct:"
                    + java.net.URLEncoder.encode(handle, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new Unknown("not a handle: " + text);
        }
        try {
            var answer = http.get(finger, "application/jrd+json, application/json", signedAsTheSite());
            if (!answer.ok()) {
                throw new Unknown(finger + " answered " + answer.status());
            }
            var links = tools.jackson.databind.json.JsonMapper.shared()
                    .readTree(answer.body())
                    .path("links");
            for (var link : links) {
                var type = link.path("type").asString("");
                if (link.path("rel").asString("").equals("self")
                        && (type.startsWith("application/activity+json") || type.startsWith("application/ld+json"))
                        && link.path("href").isString()) {
                    return byAddress(link.path("href").asString());
                }
            }
            throw new Unknown(handle + " has no ActivityPub actor");
        } catch (OutboundFailure | tools.jackson.core.JacksonException e) {
            throw new Unknown(finger + ": " + e.getMessage());
        }
    }

    /** Whether the actor was met before (kept, however old). */
    boolean known(String id) {
        return jdbc.sql("select exists (select 1 from federation_remote_actors where id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /** The inbox of an actor met before, if it was. */
    Optional<String> inbox(String id) {
        return jdbc.sql("select inbox from federation_remote_actors where id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /** Forgets an actor deleted on its server. */
    void forget(String id) {
        jdbc.sql("delete from federation_remote_actors where id = :id")
                .param("id", id)
                .update();
    }

    void keep(RemoteActor actor) {
        jdbc.sql("""
                        insert into federation_remote_actors
                            (id, key_id, public_key_pem, inbox, shared_inbox, preferred_username, name, url, fetched_at)
                        values (:id, :key, :pem, :inbox, :shared, :username, :name, :url, :now)
                        on conflict (id) do update set
                            key_id = excluded.key_id, public_key_pem = excluded.public_key_pem, inbox = excluded.inbox,
                            shared_inbox = excluded.shared_inbox, preferred_username = excluded.preferred_username,
                            name = excluded.name, url = excluded.url, fetched_at = excluded.fetched_at""")
                .param("id", actor.id())
                .param("key", actor.keyId())
                .param("pem", actor.publicKeyPem())
                .param("inbox", actor.inbox())
                .param("shared", actor.sharedInbox())
                .param("username", actor.preferredUsername())
                .param("name", actor.name())
                .param("url", actor.url())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private static String withoutFragment(String keyId) {
        var hash = keyId.indexOf('#');
        return hash < 0 ? keyId : keyId.substring(0, hash);
    }
}

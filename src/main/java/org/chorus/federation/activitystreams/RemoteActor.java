package org.chorus.federation.activitystreams;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What Chorus keeps of an actor on another server (a Mastodon account, a Mobilizon group, a Gancio instance, another
 * Chorus organization): its id, where to deliver to it, and the key it signs with. Read from its document; refused when
 * it has no inbox, or its key is not its own.
 */
public record RemoteActor(
        String id,
        List<String> types,
        String preferredUsername,
        String name,
        String url,
        String inbox,
        String sharedInbox,
        String keyId,
        String publicKeyPem) {

    /** The actor a document describes; {@link Activities.Unreadable} when it is not one Chorus can deliver to. */
    public static RemoteActor of(JsonNode actor) {
        var id = Activities.id(actor).orElseThrow(() -> new Activities.Unreadable("an actor without an id"));
        var inbox = Activities.id(actor.get("inbox"))
                .orElseThrow(() -> new Activities.Unreadable("the actor " + id + " has no inbox"));
        var endpoints = actor.get("endpoints");
        var sharedInbox = endpoints != null && endpoints.isObject()
                ? Activities.id(endpoints.get("sharedInbox")).orElse(null)
                : null;
        var key = actor.get("publicKey");
        if (key != null && key.isArray()) {
            key = key.isEmpty() ? null : key.get(0);
        }
        if (key == null || !key.isObject()) {
            throw new Activities.Unreadable("the actor " + id + " has no public key");
        }
        var keyId = Activities.id(key).orElseThrow(() -> new Activities.Unreadable("a public key without an id"));
        var owner = Activities.id(key.get("owner")).orElse(id);
        if (!owner.equals(id) || !Activities.sameOrigin(keyId, id)) {
            throw new Activities.Unreadable("the key " + keyId + " is not the actor " + id + "'s own");
        }
        var pem = text(key, "publicKeyPem")
                .orElseThrow(() -> new Activities.Unreadable("the actor " + id + "'s key has no publicKeyPem"));
        for (var address : List.of(inbox, sharedInbox == null ? inbox : sharedInbox)) {
            if (!Activities.sameOrigin(address, id)) {
                throw new Activities.Unreadable("the inbox " + address + " is not on the actor " + id + "'s server");
            }
        }
        return new RemoteActor(
                id,
                Activities.types(actor),
                text(actor, "preferredUsername").orElse(null),
                text(actor, "name").orElse(null),
                Activities.id(actor.get("url")).orElse(id),
                inbox,
                sharedInbox,
                keyId,
                pem);
    }

    private static Optional<String> text(JsonNode node, String field) {
        var value = node.get(field);
        return value != null && value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }

    /** Where to deliver to it: its server's shared inbox if it has one, else its own. */
    public String deliverTo() {
        return sharedInbox != null ? sharedInbox : inbox;
    }
}

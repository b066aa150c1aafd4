package org.chorus.federation;

import java.time.Clock;
import org.chorus.federation.activitystreams.Activities;
import org.chorus.federation.activitystreams.RemoteActor;
import org.chorus.federation.signing.HttpSignatures;
import org.chorus.federation.signing.RsaKeys;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What an inbox checks before it reads an activity, in Mastodon's order: the body is an ActivityStreams object (else
 * 400); the request is signed, recently, over the body it carries (else 401); the signing key is the activity's
 * actor's own, and the activity's id is on the actor's server (else 403); the signature verifies with that key, asked
 * for again once from the actor's server if the key kept fails (keys rotate) (else 401).
 */
@Component
class InboxChecks {

    /** An activity whose signature and origin were checked, and its actor. */
    record Verified(RemoteActor actor, JsonNode activity) {}

    /** A request refused, with the status and message to answer. */
    static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private final RemoteActors actors;
    private final Clock clock;

    InboxChecks(RemoteActors actors, Clock clock) {
        this.actors = actors;
        this.clock = clock;
    }

    Verified check(HttpSignatures.Request request) {
        return check(request, read(request));
    }

    /** The request's body as an ActivityStreams object; refused with 400 when it is not one. */
    static JsonNode read(HttpSignatures.Request request) {
        try {
            return Activities.read(request.body());
        } catch (Activities.Unreadable e) {
            throw new Refused(400, "not an ActivityStreams object: " + e.getMessage());
        }
    }

    /** The checks, for a body already read ({@link #read}). */
    Verified check(HttpSignatures.Request request, JsonNode activity) {
        HttpSignatures.Parsed signature;
        try {
            signature = HttpSignatures.parse(request);
        } catch (HttpSignatures.Refused e) {
            throw new Refused(401, e.getMessage());
        }
        var actorId =
                Activities.id(activity.get("actor")).orElseThrow(() -> new Refused(400, "the activity names no actor"));
        var id = Activities.id(activity).orElseThrow(() -> new Refused(400, "the activity has no id"));
        if (!Activities.sameOrigin(id, actorId)) {
            throw new Refused(403, "the activity's id is on another server than its actor");
        }
        var actor = actor(signature.keyId(), false);
        if (!actor.id().equals(actorId)) {
            throw new Refused(403, "the signing key is not the activity's actor's");
        }
        return new Verified(verified(request, signature, actor), activity);
    }

    /** The actor, once the signature verifies with its key: the kept one, else asked for again once (keys rotate). */
    private RemoteActor verified(HttpSignatures.Request request, HttpSignatures.Parsed signature, RemoteActor actor) {
        try {
            HttpSignatures.verify(request, signature, key(actor), clock.instant());
            return actor;
        } catch (HttpSignatures.Refused e) {
            if (e.refusal() != HttpSignatures.Refusal.INVALID) {
                throw new Refused(401, e.getMessage());
            }
            var again = actor(signature.keyId(), true);
            try {
                HttpSignatures.verify(request, signature, key(again), clock.instant());
                return again;
            } catch (HttpSignatures.Refused still) {
                throw new Refused(401, still.getMessage());
            }
        }
    }

    /**
     * Who signed a request for a document (authorized-fetch mode): the actor whose key verifies its signature, asked
     * for again once when the key kept fails; refused with 401 otherwise.
     */
    RemoteActor signer(HttpSignatures.Request request) {
        HttpSignatures.Parsed signature;
        try {
            signature = HttpSignatures.parse(request);
        } catch (HttpSignatures.Refused e) {
            throw new Refused(401, e.getMessage());
        }
        return verified(request, signature, actor(signature.keyId(), false));
    }

    private RemoteActor actor(String keyId, boolean refresh) {
        try {
            return actors.byKeyId(keyId, refresh);
        } catch (RemoteActors.Unknown e) {
            throw new Refused(401, "the signing key cannot be found: " + e.getMessage());
        }
    }

    private static java.security.PublicKey key(RemoteActor actor) {
        try {
            return RsaKeys.publicKey(actor.publicKeyPem());
        } catch (IllegalArgumentException e) {
            throw new Refused(401, "the actor's key cannot be read: " + e.getMessage());
        }
    }
}

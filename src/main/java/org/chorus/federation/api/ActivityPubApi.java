package org.chorus.federation.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.chorus.federation.ActorDocuments;
import org.chorus.federation.AuthorizedFetch;
import org.chorus.federation.Inbox;
import org.chorus.federation.activitystreams.Activities;
import org.chorus.federation.signing.HttpSignatures;
import org.chorus.shared.DomainException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ActivityPub's endpoints: an organization's actor at its page's address (asked for as
 * {@code application/activity+json} or {@code application/ld+json}; the page itself is
 * {@code organizations.web.OrganizationPagesController}), its followers and outbox, and its inbox with the server's
 * shared one. What is sent and accepted is in docs/federation.md.
 */
@RestController
class ActivityPubApi {

    static final MediaType ACTIVITY_JSON = MediaType.parseMediaType("application/activity+json");
    static final String ACTIVITY = "application/activity+json";
    static final String LD = "application/ld+json";

    private final ActorDocuments documents;
    private final Inbox inbox;
    private final AuthorizedFetch fetch;

    ActivityPubApi(ActorDocuments documents, Inbox inbox, AuthorizedFetch fetch) {
        this.documents = documents;
        this.inbox = inbox;
        this.fetch = fetch;
    }

    @GetMapping(
            value = "/o/{slug}",
            produces = {ACTIVITY, LD})
    ResponseEntity<Map<String, Object>> actor(@PathVariable String slug, HttpServletRequest request) {
        mayRead(request);
        return activityJson(documents.group(slug));
    }

    @GetMapping("/o/{slug}/followers")
    ResponseEntity<Map<String, Object>> followers(@PathVariable String slug, HttpServletRequest request) {
        mayRead(request);
        return activityJson(documents.followers(slug));
    }

    @GetMapping("/o/{slug}/outbox")
    ResponseEntity<Map<String, Object>> outbox(@PathVariable String slug, HttpServletRequest request) {
        mayRead(request);
        return activityJson(documents.outbox(slug));
    }

    /** A statement as its Article, at its page's address (Mastodon's search asks for it so). */
    @GetMapping(
            value = "/s/{slug}",
            produces = {ACTIVITY, LD})
    ResponseEntity<Map<String, Object>> statement(@PathVariable String slug, HttpServletRequest request) {
        mayRead(request);
        return activityJson(documents.statement(slug));
    }

    /** An action as its Event, at its page's address. */
    @GetMapping(
            value = "/actions/{id:[0-9a-f-]{36}}",
            produces = {ACTIVITY, LD})
    ResponseEntity<Map<String, Object>> action(@PathVariable java.util.UUID id, HttpServletRequest request) {
        mayRead(request);
        return activityJson(documents.action(new org.chorus.actions.ActionId(id)));
    }

    /** A published campaign as the collection of its actions, a page at a time ({@code after}: a cursor). */
    @GetMapping(
            value = "/c/{slug}",
            produces = {ACTIVITY, LD})
    ResponseEntity<Map<String, Object>> campaign(
            @PathVariable String slug,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String after,
            HttpServletRequest request) {
        mayRead(request);
        return activityJson(documents.campaign(slug, after == null || after.isBlank() ? null : after));
    }

    /** The site's own actor: always answered, signed or not, since other servers need its key to check ours. */
    @GetMapping("/actor")
    ResponseEntity<Map<String, Object>> instanceActor() {
        return activityJson(documents.instanceActor());
    }

    @PostMapping("/o/{slug}/inbox")
    ResponseEntity<Void> inbox(@PathVariable String slug, HttpServletRequest request) throws IOException {
        inbox.receive(slug, received(request));
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/inbox")
    ResponseEntity<Void> sharedInbox(HttpServletRequest request) throws IOException {
        inbox.receive(null, received(request));
        return ResponseEntity.accepted().build();
    }

    /** In authorized-fetch mode, refuses a request for documents not signed by an unblocked server's actor. */
    private void mayRead(HttpServletRequest request) {
        fetch.check(signed(request, new byte[0]));
    }

    private static ResponseEntity<Map<String, Object>> activityJson(Map<String, Object> document) {
        return ResponseEntity.ok()
                .contentType(ACTIVITY_JSON)
                .header("Access-Control-Allow-Origin", "*")
                .body(document);
    }

    /**
     * The request as the signature covers it, its body read up to {@link Activities#MAX_BYTES} (a longer one is
     * refused without reading the rest) and only when it says it is an activity.
     */
    static HttpSignatures.Request received(HttpServletRequest request) throws IOException {
        var type = request.getContentType();
        var base = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!base.equals(ACTIVITY) && !base.equals(LD) && !base.equals("application/json")) {
            throw new DomainException(415, "federation.content-type", type == null ? "nothing" : type);
        }
        if (request.getContentLengthLong() > Activities.MAX_BYTES) {
            throw new DomainException(413, "federation.body-too-large", String.valueOf(Activities.MAX_BYTES));
        }
        byte[] body;
        try (var in = request.getInputStream()) {
            body = in.readNBytes(Activities.MAX_BYTES + 1);
        }
        if (body.length > Activities.MAX_BYTES) {
            throw new DomainException(413, "federation.body-too-large", String.valueOf(Activities.MAX_BYTES));
        }
        return signed(request, body);
    }

    /** The request as a signature covers it: method, path and query, headers, body. */
    static HttpSignatures.Request signed(HttpServletRequest request, byte[] body) {
        var headers = new LinkedHashMap<String, String>();
        for (var name : Collections.list(request.getHeaderNames())) {
            headers.put(name, String.join(", ", Collections.list(request.getHeaders(name))));
        }
        var path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return new HttpSignatures.Request(request.getMethod(), path, headers, body);
    }
}

package org.chorus.federation.api;

import java.util.Map;
import org.chorus.federation.ActorDocuments;
import org.chorus.shared.DomainException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * How other servers find this one's actors: WebFinger (RFC 7033; {@code acct:slug@host} or an actor's address) and
 * NodeInfo 2.1 (what software this is, which protocols it speaks). Both are read by scripts on other sites: open to
 * any origin.
 */
@RestController
class DiscoveryApi {

    static final MediaType JRD = MediaType.parseMediaType("application/jrd+json");
    static final MediaType NODEINFO =
            MediaType.parseMediaType("application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.1#\"");

    private final ActorDocuments documents;
    private final String version;

    DiscoveryApi(ActorDocuments documents) {
        this.documents = documents;
        this.version = java.util.Optional.ofNullable(
                        DiscoveryApi.class.getPackage().getImplementationVersion())
                .orElse("dev");
    }

    /** 400 without a resource, 404 for one that is no actor here (another host included). */
    @GetMapping("/.well-known/webfinger")
    ResponseEntity<Map<String, Object>> webFinger(@RequestParam(required = false) String resource) {
        if (resource == null || resource.isBlank()) {
            throw new DomainException(400, "federation.resource-required");
        }
        return ResponseEntity.ok()
                .contentType(JRD)
                .header("Access-Control-Allow-Origin", "*")
                .body(documents.webFinger(resource));
    }

    @GetMapping("/.well-known/nodeinfo")
    ResponseEntity<Map<String, Object>> nodeInfoLinks() {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header("Access-Control-Allow-Origin", "*")
                .body(documents.nodeInfoLinks());
    }

    @GetMapping("/nodeinfo/2.1")
    ResponseEntity<Map<String, Object>> nodeInfo() {
        return ResponseEntity.ok()
                .contentType(NODEINFO)
                .header("Access-Control-Allow-Origin", "*")
                .body(documents.nodeInfo(version));
    }
}

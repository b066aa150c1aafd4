package org.chorus.federation;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.chorus.federation.signing.HttpSignatures;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.outbound.OutboundSigner;
import org.springframework.stereotype.Component;

/**
 * Signs federation's deliveries ({@value #CHANNEL} in the outbound queue) with HTTP Signatures: the sender is the
 * organization, the key its own ({@link ActorKeys}), named as its actor publishes it ({@code <actor>#main-key}).
 */
@Component
class FederationSigner implements OutboundSigner {

    static final String CHANNEL = "federation";

    private final ActorKeys keys;
    private final CoalitionDirectory directory;
    private final ChorusProperties chorus;
    private final Clock clock;

    FederationSigner(ActorKeys keys, CoalitionDirectory directory, ChorusProperties chorus, Clock clock) {
        this.keys = keys;
        this.directory = directory;
        this.chorus = chorus;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    /** The actor's id: its organization's page, where content negotiation answers with the actor. */
    String actorId(String slug) {
        return chorus.link("/o/" + slug);
    }

    String keyId(String slug) {
        return actorId(slug) + "#main-key";
    }

    @Override
    public Map<String, String> headers(String sender, URI target, byte[] body, String contentType) {
        var organization = new OrganizationId(UUID.fromString(sender));
        var slug = directory
                .byId(organization)
                .orElseThrow(() -> new IllegalStateException("no organization " + sender + " to sign for"))
                .slug();
        return HttpSignatures.sign(
                "POST",
                target,
                body,
                contentType,
                keyId(slug),
                keys.of(organization).privateKey(),
                clock.instant());
    }
}

package org.chorus.shared.outbound;

import java.net.URI;
import java.util.Map;

/**
 * Signs the requests of one channel of the {@link OutboundQueue} (federation: HTTP Signatures with the sending actor's
 * key; webhooks: their secret). A module that queues requests provides its channel's signer as a bean; a node sends
 * only the channels it has a signer for.
 */
public interface OutboundSigner {

    /** The channel it signs, as deliveries name it. */
    String channel();

    /** The headers that sign a POST of {@code body} to {@code target} for {@code sender}, asked again for each try. */
    Map<String, String> headers(String sender, URI target, byte[] body, String contentType);
}

package org.chorus.federation;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.outbound.OutboundQueue;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues an organization's activity to inboxes in the caller's transaction, signed as the organization
 * ({@link FederationSigner}), under a key made of the activity's id and the inbox: queued twice, it is sent once.
 */
@Component
class ActivityDeliveries {

    static final String CONTENT_TYPE = "application/activity+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutboundQueue queue;

    ActivityDeliveries(OutboundQueue queue) {
        this.queue = queue;
    }

    void queue(OrganizationId organization, Map<String, Object> activity, List<String> inboxes) {
        if (inboxes.isEmpty()) {
            return;
        }
        var id = (String) activity.get("id");
        var body = JSON.writeValueAsBytes(activity);
        queue.enqueue(inboxes.stream()
                .map(inbox -> new OutboundQueue.NewDelivery(
                        FederationSigner.CHANNEL,
                        organization.value().toString(),
                        "federation " + id + " " + inbox,
                        URI.create(inbox),
                        CONTENT_TYPE,
                        body))
                .toList());
    }
}

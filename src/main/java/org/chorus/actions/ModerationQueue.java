package org.chorus.actions;

import java.util.List;
import org.chorus.campaigns.PublishedCampaign;

/**
 * The organizers' queue: a page of the waiting actions (oldest first), their hosts, how many wait in all and how many
 * of them the filter keeps, and the token of the next page (null on the last).
 */
public record ModerationQueue(
        PublishedCampaign campaign,
        List<Action> waiting,
        java.util.Map<ActionId, HostContact> hosts,
        long pending,
        long matching,
        ActionFilter filter,
        boolean later,
        String next) {

    /** The host's name, for the queue's rows: their account's, or the one they gave when they hosted without one. */
    public String hostName(Action action) {
        var host = hosts.get(action.id());
        return host == null ? "" : host.name();
    }
}

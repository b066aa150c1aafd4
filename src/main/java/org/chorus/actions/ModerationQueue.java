package org.chorus.actions;

import java.util.List;
import org.chorus.accounts.AccountSummary;
import org.chorus.campaigns.PublishedCampaign;

/** The organizers' queue: the waiting actions shown (oldest first), their hosts, and how many wait in all. */
public record ModerationQueue(
        PublishedCampaign campaign,
        List<Action> waiting,
        List<AccountSummary> hosts,
        long pending,
        ActionFilter filter) {

    /** The host's name, for the queue's rows. */
    public String hostName(Action action) {
        return hosts.stream()
                .filter(h -> h.id().equals(action.host()))
                .map(AccountSummary::displayName)
                .findFirst()
                .orElse("");
    }
}

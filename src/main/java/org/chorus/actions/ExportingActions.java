package org.chorus.actions;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.chorus.campaigns.CampaignOrganizers;
import org.chorus.campaigns.PublishedCampaign;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign's actions as its organizers export them (decision 0035): every field, the exact place and the host's
 * name and address included, read a batch at a time in the list's order (waiting ones first, then approved, then
 * rejected), so a campaign of 100,000 actions is never held in memory.
 */
@Service
public class ExportingActions {

    /** Actions read at once; each batch runs four queries (actions, hosts with and without an account, organizations). */
    static final int BATCH = 1_000;

    private static final List<ActionStatus> ORDER =
            List.of(ActionStatus.PENDING, ActionStatus.APPROVED, ActionStatus.REJECTED);

    /**
     * An action as exported, with its host's name and email (from their account, or as they gave them when they hosted
     * without one; null once gone) and its hosting organization (null when none or unknown).
     */
    public record Exported(Action action, HostContact host, Organization organization) {}

    private final Actions actions;
    private final CampaignOrganizers organizers;
    private final CoalitionDirectory organizations;
    private final HostsOfActions hosts;

    ExportingActions(
            Actions actions, CampaignOrganizers organizers, CoalitionDirectory organizations, HostsOfActions hosts) {
        this.hosts = hosts;
        this.actions = actions;
        this.organizers = organizers;
        this.organizations = organizations;
    }

    /** The address of the file of a campaign's actions narrowed by the queue's filter (its link on the queue). */
    public static String path(String campaignSlug, ActionFilter filter) {
        var query = new java.util.StringJoiner("&", "?", "").setEmptyValue("");
        if (filter.kind() != null) {
            query.add("kind=" + filter.kind().name());
        }
        if (filter.day() != null) {
            query.add("day=" + filter.day());
        }
        if (filter.country() != null) {
            query.add("country=" + filter.country());
        }
        if (filter.newHosts()) {
            query.add("newHosts=true");
        }
        return "/c/" + campaignSlug + "/manage/actions.csv" + query;
    }

    /**
     * Hands every action of the campaign that the status (null: all) and the filter keep to {@code each}, after
     * {@code start} got the campaign; organizers only, checked before anything is handed over, so a refusal is a page
     * and not half a file.
     */
    @Transactional(readOnly = true)
    public void each(
            Actor actor,
            String campaignSlug,
            ActionStatus status,
            ActionFilter filter,
            Consumer<PublishedCampaign> start,
            Consumer<Exported> each) {
        var campaign = organizers.organized(actor, campaignSlug, null, "action.organizers-only");
        start.accept(campaign);
        for (var shown : status == null ? ORDER : List.of(status)) {
            ActionCursor after = null;
            while (true) {
                var batch = actions.inStatus(campaign.id(), shown, filter, true, null, after, BATCH);
                handOver(batch, each);
                if (batch.size() < BATCH) {
                    break;
                }
                after = ActionCursor.at(batch.getLast());
            }
        }
    }

    private void handOver(List<Action> batch, Consumer<Exported> each) {
        if (batch.isEmpty()) {
            return;
        }
        var hosts = this.hosts.of(batch);
        var ids = batch.stream()
                .map(a -> a.details().organization())
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<OrganizationId, Organization> named = ids.isEmpty() ? Map.of() : organizations.find(ids);
        for (var action : batch) {
            var organization = action.details().organization();
            each.accept(new Exported(
                    action, hosts.get(action.id()), organization == null ? null : named.get(organization)));
        }
    }
}

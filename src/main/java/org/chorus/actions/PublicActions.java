package org.chorus.actions;

import java.util.List;
import java.util.Map;
import org.chorus.campaigns.PublishedCampaign;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;

/**
 * A page of a campaign's public actions for the API, with the organizations that host them and the cursor of the next
 * page (or null).
 */
public record PublicActions(
        PublishedCampaign campaign,
        List<Action> actions,
        Map<OrganizationId, Organization> organizations,
        String next) {

    /** The hosting organization of an action on the page, or null. */
    public Organization organization(Action action) {
        var id = action.details().organization();
        return id == null ? null : organizations.get(id);
    }
}

package org.chorus.actions;

import java.util.List;
import java.util.Map;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;

/**
 * A numbered page of public actions (for clients that page by number, like OSDI's), the organizations that host them,
 * and how many public actions the list holds in all.
 */
public record NumberedActions(List<Action> actions, Map<OrganizationId, Organization> organizations, long total) {

    /** The hosting organization of an action on the page, or null. */
    public Organization organization(Action action) {
        var id = action.details().organization();
        return id == null ? null : organizations.get(id);
    }
}

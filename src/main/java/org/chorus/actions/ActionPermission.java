package org.chorus.actions;

import static org.chorus.organizations.Role.EDITOR;
import static org.chorus.organizations.Role.MEMBER;
import static org.chorus.organizations.Role.MODERATOR;
import static org.chorus.organizations.Role.OWNER;

import org.chorus.organizations.Permission;

/**
 * What a person's role in an organization lets them do with actions. Moderating a campaign's actions is the
 * campaign's organizers' ({@code campaigns.CampaignOrganizers}), not a permission of the host's organization.
 */
public enum ActionPermission implements Permission {
    /** Name the organization as the host of one's action. */
    HOST_FOR_ORGANIZATION(Holders.of(OWNER, EDITOR, MODERATOR, MEMBER)),
    /** A trusted host: the action of an owner or editor of its hosting organization is approved at once. */
    HOST_WITHOUT_REVIEW(Holders.of(OWNER, EDITOR));

    private final Holders holders;

    ActionPermission(Holders holders) {
        this.holders = holders;
    }

    @Override
    public Holders holders() {
        return holders;
    }
}

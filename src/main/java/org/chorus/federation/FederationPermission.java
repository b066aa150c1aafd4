package org.chorus.federation;

import static org.chorus.organizations.Role.OWNER;

import org.chorus.organizations.Permission;

/** What a person may do with their organization's presence on the fediverse. */
public enum FederationPermission implements Permission {
    /** Approve or refuse followers on other servers, remove them, choose whether to approve them by hand. */
    MANAGE_FEDERATION(Holders.of(OWNER));

    private final Holders holders;

    FederationPermission(Holders holders) {
        this.holders = holders;
    }

    @Override
    public Holders holders() {
        return holders;
    }
}

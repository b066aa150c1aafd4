package org.chorus.audit;

import static org.chorus.organizations.Role.OWNER;

import org.chorus.organizations.Permission;

/** Who may read an organization's audit log (decision 0004: each module declares its own permissions). */
public enum AuditPermission implements Permission {
    /** Read the organization's activity: roles, invitations, moderation decisions, publications, imports. */
    VIEW_ACTIVITY(Holders.of(OWNER));

    private final Holders holders;

    AuditPermission(Holders holders) {
        this.holders = holders;
    }

    @Override
    public Holders holders() {
        return holders;
    }
}

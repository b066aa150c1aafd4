package org.chorus.webhooks;

import static org.chorus.organizations.Role.OWNER;

import org.chorus.organizations.Permission;

/** What a person may do with their organization's webhooks. */
public enum WebhookPermission implements Permission {
    /** Register and remove endpoints, read their deliveries, send a failed one again. */
    MANAGE_WEBHOOKS(Holders.of(OWNER));

    private final Holders holders;

    WebhookPermission(Holders holders) {
        this.holders = holders;
    }

    @Override
    public Holders holders() {
        return holders;
    }
}

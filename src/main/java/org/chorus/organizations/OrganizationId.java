package org.chorus.organizations;

import java.util.UUID;

/** Identifies an organization; other modules refer to organizations only by this. */
public record OrganizationId(UUID value) {

    public static OrganizationId random() {
        return new OrganizationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package org.chorus.federation;

import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** The organization an owner manages on the fediverse: 404 when there is none, 403 for who may not manage it. */
@Component
class ManagedOrganizations {

    private final CoalitionDirectory directory;
    private final OrganizationPermissions permissions;

    ManagedOrganizations(CoalitionDirectory directory, OrganizationPermissions permissions) {
        this.directory = directory;
        this.permissions = permissions;
    }

    Organization managed(Actor actor, String slug) {
        var organization = directory.bySlug(slug).orElseThrow(() -> new NotFoundException("organization.not-found"));
        permissions.require(actor, organization.id(), FederationPermission.MANAGE_FEDERATION);
        return organization;
    }
}

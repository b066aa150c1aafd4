package org.chorus.organizations;

import java.util.Optional;
import org.chorus.accounts.AccountDirectory;
import org.chorus.shared.PermissionDenied;
import org.springframework.stereotype.Service;

/**
 * The one place that decides whether a person may do something in an organization: site admins may do everything,
 * everyone else what their role there allows, and designated reviewers what is held by them too ({@link
 * Permission#holders()}, declared by the module that owns the permission). Nothing is inherited from parent
 * organizations.
 */
@Service
public class OrganizationPermissions {

    private final Memberships memberships;
    private final Organizations organizations;
    private final AccountDirectory accounts;

    OrganizationPermissions(Memberships memberships, Organizations organizations, AccountDirectory accounts) {
        this.memberships = memberships;
        this.organizations = organizations;
        this.accounts = accounts;
    }

    public Optional<Role> roleOf(Actor actor, OrganizationId organization) {
        return actor == null ? Optional.empty() : memberships.roleOf(organization, actor.account());
    }

    public boolean can(Actor actor, OrganizationId organization, Permission permission) {
        if (actor == null) {
            return false;
        }
        if (actor.siteAdmin()
                || roleOf(actor, organization).map(r -> r.allows(permission)).orElse(false)) {
            return true;
        }
        // an owner may designate reviewers, who publish in the organization's name without being owners
        return permission.holders().designatedReviewers() && memberships.isReviewer(organization, actor.account());
    }

    /**
     * The people who hold the permission in the organization through their role there or as designated reviewers (not
     * site admins, who hold everything everywhere): those to tell when something waits for that permission.
     */
    public java.util.List<org.chorus.accounts.AccountId> holders(OrganizationId organization, Permission permission) {
        var holders = permission.holders();
        return memberships.withRoles(organization, holders.roles(), holders.designatedReviewers());
    }

    /**
     * Throws {@link PermissionDenied} (403) unless the person may do it, and {@link TwoFactorRequired} when they may but
     * the organization requires two-factor sign-in they have not set up.
     */
    public void require(Actor actor, OrganizationId organization, Permission permission) {
        if (!can(actor, organization, permission)) {
            throw new PermissionDenied("permission.denied");
        }
        requireTwoFactorIfAsked(actor, organization);
    }

    /**
     * Throws {@link TwoFactorRequired} when the organization requires two-factor sign-in and the person, acting there
     * through a role of theirs, has not set it up. Site admins act through no role, and are not asked.
     */
    public void requireTwoFactorIfAsked(Actor actor, OrganizationId organization) {
        if (actor == null || actor.siteAdmin() || !organizations.twoFactorRequired(organization)) {
            return;
        }
        if (!accounts.hasTwoFactor(actor.account())) {
            var name = organizations.byId(organization).map(Organization::name).orElse("");
            throw new TwoFactorRequired(name);
        }
    }
}

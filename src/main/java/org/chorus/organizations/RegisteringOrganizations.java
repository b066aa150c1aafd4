package org.chorus.organizations;

import java.time.Clock;
import org.chorus.accounts.AccountDirectory;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.PermissionDenied;
import org.chorus.shared.SecretToken;
import org.chorus.shared.Slug;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations come into being: site admins found coalitions; anyone signed in asks to add an organization below an
 * existing one, and it is listed once that parent's owners approve (at once if the asker is one of them). The person
 * who creates an organization becomes its owner.
 */
@Service
public class RegisteringOrganizations {

    private final Organizations organizations;
    private final Memberships memberships;
    private final OrganizationPermissions permissions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    private final AccountDirectory accounts;

    RegisteringOrganizations(
            Organizations organizations,
            Memberships memberships,
            OrganizationPermissions permissions,
            Clock clock,
            ApplicationEventPublisher events,
            AccountDirectory accounts) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.memberships = memberships;
        this.permissions = permissions;
        this.clock = clock;
        this.events = events;
    }

    /** A site admin founds a coalition, the top of a tree. */
    @Transactional
    public Organization foundCoalition(Actor actor, OrganizationProfile profile) {
        if (actor == null || !actor.siteAdmin()) {
            throw new PermissionDenied("organization.coalition-admin-only");
        }
        return create(actor, profile, OrganizationKind.COALITION, null, OrganizationStatus.ACTIVE);
    }

    /** Asks to add an organization of the given kind below the parent; pending unless the actor may approve. */
    @Transactional
    public Organization registerBelow(
            Actor actor, String parentSlug, OrganizationKind kind, OrganizationProfile profile) {
        if (actor == null) {
            throw new PermissionDenied("permission.denied");
        }
        if (kind == null || kind == OrganizationKind.COALITION) {
            throw new org.chorus.shared.InvalidField("kind", "organization.kind.invalid");
        }
        var parent = organizations
                .bySlug(parentSlug == null ? "" : parentSlug)
                .filter(Organization::active)
                .orElseThrow(() -> new org.chorus.shared.InvalidField("parent", "organization.parent.not-found"));
        var status = permissions.can(actor, parent.id(), OrganizationPermission.APPROVE_CHILDREN)
                ? OrganizationStatus.ACTIVE
                : OrganizationStatus.PENDING;
        return create(actor, profile, kind, parent, status);
    }

    private Organization create(
            Actor actor,
            OrganizationProfile profile,
            OrganizationKind kind,
            Organization parent,
            OrganizationStatus status) {
        var checked = profile.checked();
        var now = clock.instant();
        var organization = new Organization(
                OrganizationId.random(),
                freeSlug(checked.name()),
                checked.name(),
                kind,
                parent == null ? null : parent.id(),
                status,
                checked.country(),
                checked.languages(),
                checked.website(),
                checked.description(),
                now);
        // two people may register the same name at the same moment: the second takes the next free slug
        for (int attempt = 0;
                !organizations.insert(organization, actor.account().value());
                attempt++) {
            if (attempt == 10) {
                throw DomainException.conflict("organization.slug-busy");
            }
            organization = organization.withSlug(freeSlug(checked.name()));
        }
        memberships.put(organization.id(), actor.account(), Role.OWNER, now);
        events.publishEvent(new OrganizationRegistered(
                organization.id(), organization.parentId(), status == OrganizationStatus.PENDING, actor.account()));
        events.publishEvent(new MemberJoined(organization.id(), actor.account(), Role.OWNER));
        return organization;
    }

    /** An owner of the parent (or a site admin) approves or rejects an organization that asked to join. */
    @Transactional
    public void decide(Actor actor, String childSlug, boolean approve) {
        var child = organizations.bySlug(childSlug).orElseThrow(() -> new NotFoundException("organization.not-found"));
        if (child.parentId() == null) {
            throw new NotFoundException("organization.not-found");
        }
        permissions.require(actor, child.parentId(), OrganizationPermission.APPROVE_CHILDREN);
        var to = approve ? OrganizationStatus.ACTIVE : OrganizationStatus.REJECTED;
        if (!organizations.decide(child.id(), to, clock.instant())) {
            throw DomainException.conflict("organization.already-decided");
        }
        if (approve) {
            events.publishEvent(new OrganizationApproved(child.id(), child.parentId(), actor.account()));
        } else {
            events.publishEvent(new OrganizationRejected(child.id(), child.parentId(), actor.account()));
        }
    }

    /** Whether the organization requires two-factor sign-in of everyone with a role in it. */
    public boolean twoFactorRequired(OrganizationId id) {
        return organizations.twoFactorRequired(id);
    }

    /**
     * Owners require (or stop requiring) two-factor sign-in of everyone with a role in the organization. An owner who
     * has not set it up cannot require it, or they would shut themselves out.
     */
    @Transactional
    public void requireTwoFactor(Actor actor, OrganizationId id, boolean required) {
        permissions.require(actor, id, OrganizationPermission.CHANGE_ROLES);
        if (required && !actor.siteAdmin() && !accounts.hasTwoFactor(actor.account())) {
            throw new InvalidField("twoFactorRequired", "organization.two-factor-yourself");
        }
        organizations.requireTwoFactor(id, required);
    }

    /** Owners and editors edit the public profile. */
    @Transactional
    public void updateProfile(Actor actor, OrganizationId id, OrganizationProfile profile) {
        updateProfile(actor, id, profile, null);
    }

    /** As {@link #updateProfile(Actor, OrganizationId, OrganizationProfile)}, with the time zone it works in. */
    @Transactional
    public void updateProfile(Actor actor, OrganizationId id, OrganizationProfile profile, String timeZone) {
        permissions.require(actor, id, OrganizationPermission.EDIT_PROFILE);
        var checked = profile.checked();
        var zone = timeZone == null ? null : TimeZones.checked(timeZone);
        organizations.updateProfile(id, checked);
        if (zone != null) {
            organizations.changeTimeZone(id, zone.getId());
        }
        events.publishEvent(new OrganizationProfileChanged(id, actor.account()));
    }

    private String freeSlug(String name) {
        var base = Slug.suggest(name);
        if (base.isEmpty() || !Slug.isValid(base)) {
            base = "org-"
                    + SecretToken.generate()
                            .value()
                            .replaceAll("[^a-zA-Z0-9]", "")
                            .toLowerCase()
                            .substring(0, 8);
        }
        var candidate = base;
        for (int n = 2; organizations.slugTaken(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }
}

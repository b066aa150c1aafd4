package org.chorus.signons;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.chorus.accounts.AccountId;
import org.chorus.accounts.AccountsDeleted;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.ManagingMembers;
import org.chorus.organizations.MemberRemoved;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.organizations.Role;
import org.chorus.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An owner designates members of the organization as organizers of its statements' sign-ons, as owners designate
 * reviewers: they then see and moderate every sign-on of the organization's statements and change their settings,
 * without a role that would let them write or publish. Removed from the organization, they are organizers no more.
 */
@Service
public class DesignatingOrganizers {

    private final SignOnOrganizers designations;
    private final CoalitionDirectory organizations;
    private final ManagingMembers members;
    private final OrganizationPermissions permissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DesignatingOrganizers(
            SignOnOrganizers designations,
            CoalitionDirectory organizations,
            ManagingMembers members,
            OrganizationPermissions permissions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.designations = designations;
        this.organizations = organizations;
        this.members = members;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A member as the designation page shows them.
     *
     * @param byRole their role already lets them organize sign-ons (owners, editors)
     * @param designated an owner designated them
     */
    public record Candidate(AccountId account, String displayName, Role role, boolean byRole, boolean designated) {}

    /** The organization and its members, owners and editors first, for an owner. */
    public record Designations(Organization organization, List<Candidate> members) {}

    @Transactional(readOnly = true)
    public Designations designations(Actor actor, String organizationSlug) {
        var organization = owned(actor, organizationSlug);
        var designated = designations.of(organization.id());
        var candidates = members.members(actor, organization.id()).stream()
                .map(m -> new Candidate(
                        m.account(),
                        m.displayName(),
                        m.role(),
                        m.role().allows(SignOnPermission.MANAGE_SIGN_ONS),
                        designated.contains(m.account())))
                .sorted(Comparator.comparing((Candidate c) -> !c.byRole()))
                .toList();
        return new Designations(organization, candidates);
    }

    /** Designates a member of the organization as an organizer of its sign-ons, or withdraws it. */
    @Transactional
    public void designate(Actor actor, String organizationSlug, AccountId person, boolean organizer) {
        var organization = owned(actor, organizationSlug);
        if (organizer
                && permissions
                        .roleOf(new Actor(person, false), organization.id())
                        .isEmpty()) {
            throw new NotFoundException("member.not-found");
        }
        var now = clock.instant();
        if (designations.set(organization.id(), person, organizer, actor.account(), now)) {
            events.publishEvent(
                    new SignOnOrganizerDesignated(organization.id(), person, organizer, actor.account(), now));
        }
    }

    /** Leaving the organization ends the designation (it counted only for members anyway). */
    @ApplicationModuleListener
    void on(MemberRemoved removed) {
        designations.set(removed.organization(), removed.account(), false, removed.by(), removed.at());
    }

    @ApplicationModuleListener
    void on(AccountsDeleted deleted) {
        designations.forget(deleted.accounts());
    }

    private Organization owned(Actor actor, String slug) {
        var organization =
                organizations.bySlug(slug).orElseThrow(() -> new NotFoundException("organization.not-found"));
        permissions.require(actor, organization.id(), SignOnPermission.DESIGNATE_ORGANIZERS);
        return organization;
    }
}

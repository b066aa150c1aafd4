package org.chorus.organizations;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.chorus.accounts.AccountDirectory;
import org.chorus.accounts.AccountId;
import org.chorus.accounts.AccountSummary;
import org.chorus.shared.DomainException;
import org.chorus.shared.EmailAddress;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.PermissionDenied;
import org.chorus.shared.SecretToken;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.i18n.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Owners bring people in by invitation (an emailed link, valid 14 days, for one email address), change their roles and
 * remove them. An organization always keeps at least one owner.
 */
@Service
public class ManagingMembers {

    static final Duration INVITATION_VALIDITY = Duration.ofDays(14);

    private final Memberships memberships;
    private final Invitations invitations;
    private final Organizations organizations;
    private final OrganizationPermissions permissions;
    private final AccountDirectory accounts;
    private final ChorusProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final PersonalData personalData;
    private final InvitationLetters letters;

    ManagingMembers(
            Memberships memberships,
            Invitations invitations,
            Organizations organizations,
            OrganizationPermissions permissions,
            AccountDirectory accounts,
            ChorusProperties properties,
            Clock clock,
            ApplicationEventPublisher events,
            PersonalData personalData,
            InvitationLetters letters) {
        this.personalData = personalData;
        this.letters = letters;
        this.memberships = memberships;
        this.invitations = invitations;
        this.organizations = organizations;
        this.permissions = permissions;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /**
     * The people of the organization, for those who may see them, with their email addresses only for those who hold
     * {@link OrganizationPermission#SEE_EMAIL_ADDRESSES}. One query for roles, one for names.
     */
    public List<Member> members(Actor actor, OrganizationId organization) {
        permissions.require(actor, organization, OrganizationPermission.VIEW_PEOPLE);
        boolean emails = permissions.can(actor, organization, OrganizationPermission.SEE_EMAIL_ADDRESSES);
        var roles = memberships.of(organization);
        var reviewers = memberships.reviewers(organization);
        var people = accounts.findAll(roles.keySet());
        return people.stream()
                .map(p -> new Member(
                        p.id(),
                        p.displayName(),
                        emails ? p.email() : null,
                        roles.get(p.id()),
                        reviewers.contains(p.id())))
                .sorted(java.util.Comparator.comparing((Member m) -> m.role().ordinal())
                        .thenComparing(Member::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Invites in the inviter's language (or the language of the account that has the address). */
    @Transactional
    public String invite(Actor actor, OrganizationId organization, String email, Role role) {
        return invite(actor, organization, email, role, null);
    }

    /**
     * Creates an invitation, emails it and returns its link (the owner may also pass it on). The email is in the
     * language of the account that has the address if there is one, else in {@code language}, else in the inviter's.
     */
    @Transactional
    public String invite(Actor actor, OrganizationId organization, String email, Role role, Language language) {
        permissions.require(actor, organization, OrganizationPermission.INVITE_MEMBERS);
        String address;
        try {
            address = EmailAddress.check(email);
        } catch (DomainException e) {
            throw new InvalidField("email", "email.invalid");
        }
        if (role == null) {
            throw new InvalidField("role", "role.invalid");
        }
        var org = organizations.byId(organization).orElseThrow(() -> new NotFoundException("organization.not-found"));
        var inviter = accounts.find(actor.account()).orElseThrow(() -> new NotFoundException("account.not-found"));
        var now = clock.instant();
        var letterLanguage = accounts.findByEmail(address)
                .flatMap(a -> Language.byTag(a.language()))
                .or(() -> java.util.Optional.ofNullable(language))
                .or(() -> Language.byTag(inviter.language()))
                .orElse(Language.DEFAULT);
        var token = SecretToken.generate();
        invitations.insert(
                token.hash(),
                organization,
                address,
                role,
                actor.account(),
                now,
                now.plus(INVITATION_VALIDITY),
                letterLanguage.tag());
        events.publishEvent(new MemberInvited(organization, role, actor.account(), now));
        var link = link(token);
        letters.invite(address, letterLanguage, org, inviter.displayName(), role, token, link);
        return link;
    }

    // the letter's copy of the link also names the letter's language (?lang=, added by the email engine), so the
    // page it opens speaks it without a cookie (issue 12, item 17)
    private String link(SecretToken token) {
        return properties.link("/invitations/" + token.value());
    }

    /**
     * The invitations of the organization that wait for an answer, for those who may invite: who invited whom (the
     * address only for those who may see addresses) and when. One query for invitations, one for names.
     */
    public List<PendingInvitation> pendingInvitations(Actor actor, OrganizationId organization) {
        permissions.require(actor, organization, OrganizationPermission.INVITE_MEMBERS);
        boolean emails = permissions.can(actor, organization, OrganizationPermission.SEE_EMAIL_ADDRESSES);
        var waiting = invitations.waiting(organization, clock.instant());
        var names =
                accounts
                        .findAll(waiting.stream()
                                .map(Invitations.Waiting::invitedBy)
                                .collect(Collectors.toSet()))
                        .stream()
                        .collect(Collectors.toMap(AccountSummary::id, AccountSummary::displayName));
        return waiting.stream()
                .map(w -> new PendingInvitation(
                        w.id(),
                        emails && w.emailSealed() != null ? invitations.openEmail(w.emailSealed()) : null,
                        w.role(),
                        names.getOrDefault(w.invitedBy(), ""),
                        w.createdAt(),
                        w.expiresAt()))
                .toList();
    }

    /** An owner takes an invitation back: its link then says it was withdrawn. */
    @Transactional
    public void withdrawInvitation(Actor actor, OrganizationId organization, UUID invitation) {
        permissions.require(actor, organization, OrganizationPermission.INVITE_MEMBERS);
        if (!invitations.withdraw(organization, invitation, clock.instant())) {
            throw new NotFoundException("invitation.not-waiting");
        }
    }

    /**
     * An owner sends an invitation again: a new link valid 14 days from now, in the letter's language, emailed with a
     * new idempotency key; the old link then says a newer one was sent. Returns the new link.
     */
    @Transactional
    public String resendInvitation(Actor actor, OrganizationId organization, UUID invitation) {
        permissions.require(actor, organization, OrganizationPermission.INVITE_MEMBERS);
        var org = organizations.byId(organization).orElseThrow(() -> new NotFoundException("organization.not-found"));
        var inviter = accounts.find(actor.account()).orElseThrow(() -> new NotFoundException("account.not-found"));
        var now = clock.instant();
        var old = invitations
                .replace(organization, invitation, now)
                .orElseThrow(() -> new NotFoundException("invitation.not-waiting"));
        var language = Language.byTag(old.language()).orElse(Language.DEFAULT);
        var token = SecretToken.generate();
        invitations.insertSealed(
                token.hash(),
                organization,
                old.emailSealed(),
                old.emailIndex(),
                old.role(),
                actor.account(),
                now,
                now.plus(INVITATION_VALIDITY),
                language.tag());
        events.publishEvent(new MemberInvited(organization, old.role(), actor.account(), now));
        var link = link(token);
        letters.invite(
                invitations.openEmail(old.emailSealed()),
                language,
                org,
                inviter.displayName(),
                old.role(),
                token,
                link);
        return link;
    }

    /** What the link invites to, if it is still open; a link the organization closed says so. */
    public Invitation invitation(String token) {
        var hash = SecretToken.hash(token);
        var open = invitations
                .open(hash, clock.instant())
                .orElseThrow(() ->
                        new NotFoundException(invitations.closedBecause(hash).orElse("invitation.invalid")));
        var organization =
                organizations.byId(open.organization()).orElseThrow(() -> new NotFoundException("invitation.invalid"));
        var inviter =
                accounts.find(open.invitedBy()).map(AccountSummary::displayName).orElse("");
        return new Invitation(
                organization,
                open.role(),
                open.email(),
                inviter,
                Language.byTag(open.language()).orElse(null));
    }

    /** The organization this person joined with this link, if they did (the link then leads there). */
    public java.util.Optional<Organization> joinedWith(Actor actor, String token) {
        return invitations.acceptedBy(SecretToken.hash(token), actor.account()).flatMap(organizations::byId);
    }

    /** The signed-in person accepts; the invitation was for their email address and works once. */
    @Transactional
    public Organization accept(Actor actor, String token) {
        var hash = SecretToken.hash(token);
        var now = clock.instant();
        var open = invitations
                .open(hash, now)
                .orElseThrow(() ->
                        new NotFoundException(invitations.closedBecause(hash).orElse("invitation.invalid")));
        var person = accounts.find(actor.account()).orElseThrow(() -> new NotFoundException("account.not-found"));
        if (!open.isFor(personalData.emailIndex(person.email()))) {
            throw new PermissionDenied("invitation.other-address");
        }
        if (!invitations.accept(hash, actor.account(), now)) {
            throw new NotFoundException("invitation.invalid");
        }
        memberships.lock(open.organization());
        var current = memberships.roleOf(open.organization(), actor.account());
        // accepting never lowers a role the person already has
        if (current.isEmpty() || open.role().ordinal() < current.get().ordinal()) {
            memberships.put(open.organization(), actor.account(), open.role(), now);
        }
        events.publishEvent(new MemberJoined(open.organization(), actor.account(), open.role()));
        return organizations.byId(open.organization()).orElseThrow();
    }

    @Transactional
    public void changeRole(Actor actor, OrganizationId organization, AccountId person, Role role) {
        permissions.require(actor, organization, OrganizationPermission.CHANGE_ROLES);
        if (role == null) {
            throw new InvalidField("role", "role.invalid");
        }
        memberships.lock(organization);
        var current =
                memberships.roleOf(organization, person).orElseThrow(() -> new NotFoundException("member.not-found"));
        if (current == Role.OWNER && role != Role.OWNER && memberships.countOwners(organization) == 1) {
            throw DomainException.conflict("member.last-owner");
        }
        var now = clock.instant();
        memberships.put(organization, person, role, now);
        if (current != role) {
            events.publishEvent(new MemberRoleChanged(organization, person, role, actor.account(), now));
        }
    }

    /** An owner designates a person of the organization as a reviewer of its statements, or withdraws it. */
    @Transactional
    public void designateReviewer(Actor actor, OrganizationId organization, AccountId person, boolean reviewer) {
        permissions.require(actor, organization, OrganizationPermission.CHANGE_ROLES);
        if (!memberships.setReviewer(organization, person, reviewer)) {
            throw new NotFoundException("member.not-found");
        }
        events.publishEvent(
                new ReviewerDesignationChanged(organization, person, reviewer, actor.account(), clock.instant()));
    }

    @Transactional
    public void remove(Actor actor, OrganizationId organization, AccountId person) {
        permissions.require(actor, organization, OrganizationPermission.CHANGE_ROLES);
        memberships.lock(organization);
        var current =
                memberships.roleOf(organization, person).orElseThrow(() -> new NotFoundException("member.not-found"));
        if (current == Role.OWNER && memberships.countOwners(organization) == 1) {
            throw DomainException.conflict("member.last-owner");
        }
        memberships.remove(organization, person);
        events.publishEvent(new MemberRemoved(organization, person, current, actor.account(), clock.instant()));
    }

    /** A site admin (or the demo data) gives a person a role directly, without an invitation. */
    @Transactional
    public void grant(Actor actor, OrganizationId organization, AccountId person, Role role) {
        if (actor == null || !actor.siteAdmin()) {
            throw new PermissionDenied("permission.denied");
        }
        var now = clock.instant();
        memberships.put(organization, person, role, now);
        events.publishEvent(new MemberRoleChanged(organization, person, role, actor.account(), now));
    }
}

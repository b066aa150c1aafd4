package org.chorus.actions;

import java.time.Clock;
import org.chorus.campaigns.CampaignOrganizers;
import org.chorus.campaigns.PublishedCampaign;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.places.Gazetteer;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.PermissionDenied;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in person registers an action under a published campaign, edits it and cancels it; the campaign's
 * organizers may edit and cancel it too. A trusted host (an owner or editor of the hosting organization, or an
 * organizer of the campaign) is approved at once; anyone else waits for the organizers, again after each edit. A
 * refused form stores nothing.
 */
@Service
public class HostingActions {

    /** At most this many co-sponsoring organizations per action. */
    public static final int COSPONSORS_MAX = 10;

    private final Actions actions;
    private final ActionCosponsors cosponsors;
    private final ReadingCampaigns campaigns;
    private final CampaignOrganizers organizers;
    private final CoalitionDirectory organizations;
    private final OrganizationPermissions permissions;
    private final Gazetteer gazetteer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final TrustedHosts trustedHosts;

    HostingActions(
            Actions actions,
            ActionCosponsors cosponsors,
            ReadingCampaigns campaigns,
            CampaignOrganizers organizers,
            CoalitionDirectory organizations,
            OrganizationPermissions permissions,
            Gazetteer gazetteer,
            ApplicationEventPublisher events,
            Clock clock,
            TrustedHosts trustedHosts) {
        this.trustedHosts = trustedHosts;
        this.actions = actions;
        this.cosponsors = cosponsors;
        this.campaigns = campaigns;
        this.organizers = organizers;
        this.organizations = organizations;
        this.permissions = permissions;
        this.gazetteer = gazetteer;
        this.events = events;
        this.clock = clock;
    }

    /** Registers the action of the person under the campaign, approved at once if they are trusted. */
    @Transactional
    public Action register(Actor actor, String campaignSlug, ActionForm form) {
        var campaign = published(campaignSlug);
        var written = written(actor, campaign, form);
        var details = written.details();
        var organizer = organizers.isOrganizer(actor, campaign.id());
        var trusted = organizer
                || trustedFor(actor, details.organization())
                || trustedHosts.covers(campaign.id(), actor.account(), details.organization());
        var action = Action.registered(
                ActionId.random(),
                campaign.id(),
                campaign.slug(),
                actor.account(),
                details,
                trusted,
                !actions.hasApproved(campaign.id(), actor.account()),
                clock.instant());
        actions.insert(action);
        cosponsors.replace(action.id(), written.cosponsors());
        events.publishEvent(
                new ActionRegistered(action.id(), action.campaign(), action.campaignSlug(), actor.account(), trusted));
        return action;
    }

    /**
     * Changes the action (its host or an organizer). An edit by someone the organizers must check sends an approved
     * action back to them; a rejected action edited by its host waits for them again.
     */
    @Transactional
    public Action edit(Actor actor, ActionId id, ActionForm form) {
        var action = locked(id);
        var organizer = requireHostOrOrganizer(actor, action);
        var campaign = published(action.campaignSlug());
        var written = written(actor, campaign, form);
        var details = written.details();
        var trusted = organizer
                || (trustedFor(actor, details.organization())
                                || trustedHosts.covers(action.campaign(), actor.account(), details.organization()))
                        && action.status() != ActionStatus.REJECTED;
        var edited = action.edited(details, trusted, clock.instant());
        actions.update(edited);
        cosponsors.replace(id, written.cosponsors());
        events.publishEvent(ActionChanged.of(action, edited, actor.account()));
        return edited;
    }

    /**
     * The same edit, only if the action is still as the caller read it ({@code version}: when it last changed, as the
     * API's ETag says; null for any version); 412 when it changed since.
     */
    @Transactional
    public Action edit(Actor actor, ActionId id, ActionForm form, java.time.Instant version) {
        requireVersion(locked(id), version);
        return edit(actor, id, form);
    }

    /** The same cancellation, only if the action is still as the caller read it; 412 when it changed since. */
    @Transactional
    public Action cancel(Actor actor, ActionId id, java.time.Instant version) {
        requireVersion(locked(id), version);
        return cancel(actor, id);
    }

    private static void requireVersion(Action action, java.time.Instant version) {
        if (version != null && !action.updatedAt().equals(version)) {
            throw new org.chorus.shared.DomainException(412, "action.changed-since");
        }
    }

    /** Calls the action off: it stays at its address, marked cancelled, and calendars that have it remove it. */
    @Transactional
    public Action cancel(Actor actor, ActionId id) {
        var action = locked(id);
        requireHostOrOrganizer(actor, action);
        var cancelled = action.cancel(clock.instant());
        actions.update(cancelled);
        events.publishEvent(new ActionCancelled(id, action.campaign(), action.campaignSlug(), actor.account()));
        return cancelled;
    }

    /** The address of the action's campaign, for its host and organizers. */
    public String campaignOf(Actor actor, ActionId id) {
        var action = actions.byId(id).orElseThrow(() -> new NotFoundException("action.not-found"));
        requireHostOrOrganizer(actor, action);
        return action.campaignSlug();
    }

    /** The form as the action's edit page fills it. */
    public ActionForm form(Actor actor, ActionId id) {
        var action = actions.byId(id).orElseThrow(() -> new NotFoundException("action.not-found"));
        requireHostOrOrganizer(actor, action);
        return form(action);
    }

    /** The form as it would be typed to give the action as it is. */
    ActionForm form(Action action) {
        var d = action.details();
        var place = d.place();
        String organization = d.organization() == null
                ? ""
                : organizations.byId(d.organization()).map(Organization::slug).orElse("");
        return new ActionForm(
                d.kind().name(),
                d.title(),
                d.description(),
                organization,
                d.start().toLocalDateTime().toString(),
                d.end().toLocalDateTime().toString(),
                d.zone().getId(),
                d.onlineUrl() == null ? "" : d.onlineUrl(),
                place == null ? "" : place.venue(),
                place == null ? "" : place.address(),
                place == null ? "" : Long.toString(place.cityId()),
                place == null ? "" : Double.toString(place.latitude()),
                place == null ? "" : Double.toString(place.longitude()),
                d.approximate(),
                d.accessibility(),
                String.join(
                        "\n",
                        cosponsors(action.id()).stream().map(Organization::slug).toList()),
                d.revealHours() == null ? "" : d.revealHours().toString());
    }

    /** The organizations co-sponsoring the action, in the host's order (those no longer there left out). */
    public java.util.List<Organization> cosponsors(ActionId action) {
        var ids = cosponsors.of(action);
        var found = organizations.find(ids);
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** What a form gives once checked: the action's details and its co-sponsors. */
    record Written(ActionDetails details, java.util.List<OrganizationId> cosponsors) {}

    /** Stores the co-sponsors of an action registered or edited elsewhere ({@link HostingByEmail}). */
    void saveCosponsors(ActionId action, Written written) {
        cosponsors.replace(action, written.cosponsors());
    }

    /**
     * The form checked under the campaign, every broken rule at once (a null actor is a host without an account, who
     * names no hosting organization).
     */
    Written written(Actor actor, PublishedCampaign campaign, ActionForm form) {
        var checks = new FieldChecks();
        var organization = checks.check(() -> hostingOrganization(actor, form.organization()));
        var named = checks.check(() -> cosponsoring(form.cosponsors()));
        var details = checks.check(() -> ActionDetails.written(form, campaign, organization, gazetteer::city));
        checks.done();
        return new Written(details, named);
    }

    /**
     * The co-sponsoring organizations, named by their addresses (one a line, or separated by commas): active
     * organizations of Chorus, at most {@link #COSPONSORS_MAX}; the host need not belong to them.
     */
    private java.util.List<OrganizationId> cosponsoring(String typed) {
        var slugs = java.util.Arrays.stream((typed == null ? "" : typed).split("[,\\r\\n]+"))
                .map(HostingActions::slugOf)
                .filter(slug -> !slug.isEmpty())
                .distinct()
                .toList();
        if (slugs.size() > COSPONSORS_MAX) {
            throw new InvalidField("cosponsors", "action.cosponsors.too-many", COSPONSORS_MAX);
        }
        return slugs.stream()
                .map(slug -> organizations
                        .bySlug(slug)
                        .filter(Organization::active)
                        .map(Organization::id)
                        .orElseThrow(() -> new InvalidField("cosponsors", "action.cosponsor.not-found", slug)))
                .toList();
    }

    /** An organization's address as typed ({@code friends}, {@code /o/friends}, or its whole link) to its slug. */
    private static String slugOf(String typed) {
        return typed.strip().replaceFirst("^.*/o/", "").replaceAll("[/?#].*$", "");
    }

    /** The hosting organization, named by its address: one the person belongs to. */
    private OrganizationId hostingOrganization(Actor actor, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        if (actor == null) {
            throw new InvalidField("organization", "action.organization.needs-account");
        }
        var slug = slugOf(typed);
        var organization = organizations
                .bySlug(slug)
                .filter(Organization::active)
                .orElseThrow(() -> new InvalidField("organization", "action.organization.not-found"));
        if (!permissions.can(actor, organization.id(), ActionPermission.HOST_FOR_ORGANIZATION)) {
            throw new InvalidField("organization", "action.organization.not-member");
        }
        return organization.id();
    }

    private boolean trustedFor(Actor actor, OrganizationId organization) {
        return organization != null && permissions.can(actor, organization, ActionPermission.HOST_WITHOUT_REVIEW);
    }

    /** Whether the person is an organizer; 404 for those who may not see the action, 403 for the others. */
    private boolean requireHostOrOrganizer(Actor actor, Action action) {
        var organizer = organizers.isOrganizer(actor, action.campaign());
        if (organizer || action.hostedBy(actor.account())) {
            return organizer;
        }
        if (!action.isPublic()) {
            throw new NotFoundException("action.not-found");
        }
        throw new PermissionDenied("action.not-yours");
    }

    PublishedCampaign published(String slug) {
        return campaigns.published(slug, null).orElseThrow(() -> new NotFoundException("campaign.not-found"));
    }

    Action locked(ActionId id) {
        return actions.byIdForUpdate(id).orElseThrow(() -> new NotFoundException("action.not-found"));
    }
}

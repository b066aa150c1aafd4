package org.chorus.actions;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.chorus.campaigns.CampaignOrganizers;
import org.chorus.campaigns.PublishedCampaign;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.places.BoundingBox;
import org.chorus.places.GeoJson;
import org.chorus.places.GridCells;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.calendar.CalendarEvent;
import org.chorus.shared.calendar.CalendarFeed;
import org.chorus.shared.config.ChorusProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads actions for their pages, the campaign's list, counts, map and calendars, each in a bounded number of queries.
 * Only approved actions are public; a pending or rejected one exists only for its host and the organizers.
 */
@Service
@Transactional(readOnly = true)
public class ReadingActions {

    public static final int PAGE_SIZE = 50;
    /** The most points one map answer carries (at high zoom, where a screen holds a city). */
    public static final int MAP_POINTS = 2_000;
    /** The most events a campaign's calendar carries, soonest first. */
    public static final int CALENDAR_SIZE = 5_000;

    private final Actions actions;
    private final ReadingCampaigns campaigns;
    private final CampaignOrganizers organizers;
    private final CoalitionDirectory organizations;
    private final ChorusProperties properties;
    private final HostingByEmail byEmail;
    private final HostingActions hosting;
    private final Clock clock;

    private final TrustedHosts trustedHosts;

    private final MapCells mapCells;

    ReadingActions(
            Actions actions,
            ReadingCampaigns campaigns,
            CampaignOrganizers organizers,
            CoalitionDirectory organizations,
            ChorusProperties properties,
            HostingByEmail byEmail,
            HostingActions hosting,
            Clock clock,
            TrustedHosts trustedHosts,
            MapCells mapCells) {
        this.trustedHosts = trustedHosts;
        this.mapCells = mapCells;
        this.actions = actions;
        this.campaigns = campaigns;
        this.organizers = organizers;
        this.organizations = organizations;
        this.properties = properties;
        this.byEmail = byEmail;
        this.hosting = hosting;
        this.clock = clock;
    }

    /** The action's page for the reader (null: anonymous); 404 when it is not public and not theirs to see. */
    public ActionPage page(Actor viewer, ActionId id, String language) {
        var action = actions.byId(id).orElseThrow(() -> new NotFoundException("action.not-found"));
        var organizer = viewer != null && organizers.isOrganizer(viewer, action.campaign());
        var host = viewer != null && action.hostedBy(viewer.account());
        if (!action.isPublic() && !organizer && !host) {
            throw new NotFoundException("action.not-found");
        }
        return page(action, published(action.campaignSlug(), language), organizer, host);
    }

    /**
     * The action's page as anyone sees it, when the action is public and so is its campaign; empty otherwise, without
     * throwing (for listeners, whose transaction a thrown not-found would mark for rollback).
     */
    public java.util.Optional<ActionPage> publicPage(ActionId id) {
        return actions.byId(id)
                .filter(Action::isPublic)
                .flatMap(action -> campaigns
                        .published(action.campaignSlug(), null)
                        .map(campaign -> page(action, campaign, false, false)));
    }

    private ActionPage page(Action action, PublishedCampaign campaign, boolean organizer, boolean host) {
        var id = action.id();
        var organization = action.details().organization() == null
                ? null
                : organizations.byId(action.details().organization()).orElse(null);
        return new ActionPage(
                action,
                campaign,
                organization,
                organizer || host || action.details().exactPlacePublicAt(clock.instant()),
                organizer || host,
                organizer,
                organizer ? byEmail.contact(id).orElse(null) : null,
                hosting.cosponsors(id),
                action.details().revealAt() != null
                        && clock.instant().isBefore(action.details().revealAt()),
                organizer && trustedHosts.trusts(action.campaign(), action.host()),
                organizer
                        && trustedHosts.trusts(
                                action.campaign(), action.details().organization()));
    }

    /** The action as it is stored, whoever may see it (for modules above actions that check on their own). */
    public java.util.Optional<Action> action(ActionId id) {
        return actions.byId(id);
    }

    /** Whether the person may manage the action: its host, or an organizer of its campaign. */
    public boolean mayManage(Actor actor, Action action) {
        return actor != null && (action.hostedBy(actor.account()) || organizers.isOrganizer(actor, action.campaign()));
    }

    /** A page of the campaign's approved actions by day then country, after a cursor's place. */
    public ActionList list(String campaignSlug, ActionFilter filter, String after, String language) {
        var campaign = published(campaignSlug, language);
        var rows = actions.listed(campaign.id(), filter, ActionCursor.of(after), PAGE_SIZE + 1);
        var shown = rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows;
        var next = rows.size() > PAGE_SIZE ? ActionCursor.at(shown.getLast()).token() : null;
        return new ActionList(campaign, shown, filter, next);
    }

    /**
     * Approved actions, not cancelled, that ended in {@code [from, to)}, the earliest first, at most {@code limit}: for
     * modules that follow up on actions once they are over (the turnout module asks hosts for a report).
     */
    public List<Action> endedBetween(java.time.Instant from, java.time.Instant to, int limit) {
        return actions.endedBetween(from, to, limit);
    }

    /** These actions by id, whatever their state, in one query (those that exist). */
    public List<Action> actions(java.util.Collection<ActionId> ids) {
        return actions.byIds(ids.stream().map(ActionId::value).toList());
    }

    /** The action by id, whatever its state, for modules that check their own rules on it. */
    public java.util.Optional<Action> byId(ActionId id) {
        return actions.byId(id);
    }

    /** The name and email of the host of an action hosted without an account (for letters to that host). */
    public java.util.Optional<HostContact> hostWithoutAccount(ActionId id) {
        return byEmail.contact(id);
    }

    /** The language a host without an account wrote their form in: the language of their letters. */
    public java.util.Optional<String> hostLanguage(ActionId id) {
        return byEmail.language(id);
    }

    /** The campaign's approved actions counted by kind and by country, in one query. */
    public ActionCounts counts(org.chorus.campaigns.CampaignId campaign) {
        var counts = actions.counts(campaign);
        return new ActionCounts(counts.total(), counts.byKind(), counts.byCountry());
    }

    /**
     * What the campaign's map shows of a box at a zoom: clusters below {@link GridCells#POINTS_FROM_ZOOM} (up to zoom
     * {@link MapCells#UP_TO_ZOOM} as the job last grouped them, a few seconds behind), each action from it; flagship actions always as points; an action shown only by its city at its city's centre.
     * Online actions have no place on a map.
     */
    public GeoJson.FeatureCollection map(
            String campaignSlug, BoundingBox box, GridCells grid, ActionFilter filter, Locale locale) {
        var campaign = published(campaignSlug, null);
        var features = new ArrayList<GeoJson.Feature>();
        var reader = ActionTimes.whenFormat(locale);
        if (!grid.clusters()) {
            actions.points(campaign.id(), box, filter, false, MAP_POINTS).forEach(a -> features.add(point(a, reader)));
            return new GeoJson.FeatureCollection(features);
        }
        actions.points(campaign.id(), box, filter, true, MAP_POINTS).forEach(a -> features.add(point(a, reader)));
        // low zooms from the squares the job grouped (decision 0036), once it grouped this campaign; else live
        var cells = MapCells.answers(grid, filter)
                        && mapCells.grouped(campaign.id()).isPresent()
                ? mapCells.cells(campaign.id(), box, grid, filter)
                : actions.cells(campaign.id(), box, grid, filter);
        var single = cells.stream()
                .filter(c -> c.count() == 1)
                .map(Actions.Cell::one)
                .toList();
        var alone = new HashMap<java.util.UUID, Actions.MapItem>();
        actions.mapItems(single).forEach(a -> alone.put(a.id(), a));
        for (var cell : cells) {
            var action = cell.count() == 1 ? alone.get(cell.one()) : null;
            features.add(
                    action != null
                            ? point(action, reader)
                            : GeoJson.cluster(degrees(cell.latitude()), degrees(cell.longitude()), cell.count()));
        }
        return new GeoJson.FeatureCollection(features);
    }

    /** The campaign's calendar (RFC 5545): its approved actions, cancelled ones marked so. */
    public String calendar(String campaignSlug) {
        var campaign = published(campaignSlug, null);
        var events = actions.calendar(campaign.id(), CALENDAR_SIZE).stream()
                .map(this::event)
                .toList();
        return CalendarFeed.write(campaign.title(), events, clock.instant());
    }

    /** One action's calendar, for "add to calendar"; as public as its page. */
    public String calendar(Actor viewer, ActionId id) {
        return calendar(page(viewer, id, null));
    }

    /**
     * The action's calendar with its exact place, for the people going to it (their letters' .ics): its sequence as
     * raised by each change, cancelled when it is.
     */
    public String calendarWithPlace(Action action) {
        return CalendarFeed.write(action.details().title(), List.of(event(action, true)), clock.instant());
    }

    /** The calendar of an action's page as its reader may see it. */
    public String calendar(ActionPage page) {
        return CalendarFeed.write(
                page.action().details().title(), List.of(event(page.action(), page.exactPlace())), clock.instant());
    }

    /** The most actions a page of the API carries. */
    public static final int API_MOST = 200;

    /**
     * A page of the campaign's approved actions (cancelled ones included, marked) in the list's order, narrowed by the
     * filter and a box of the map (null: anywhere), with the organizations that host them; three queries.
     */
    public PublicActions publicList(
            String campaignSlug, ActionFilter filter, BoundingBox box, String after, int limit) {
        if (limit < 1 || limit > API_MOST) {
            throw new org.chorus.shared.DomainException(400, "api.limit-invalid", API_MOST);
        }
        var campaign = published(campaignSlug, null);
        var rows = actions.listed(campaign.id(), filter, box, ActionCursor.of(after), limit + 1);
        var shown = rows.size() > limit ? rows.subList(0, limit) : rows;
        var next = rows.size() > limit ? ActionCursor.at(shown.getLast()).token() : null;
        var hosts = shown.stream()
                .map(a -> a.details().organization())
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        return new PublicActions(
                campaign, shown, hosts.isEmpty() ? java.util.Map.of() : organizations.find(hosts), next);
    }

    /**
     * A numbered page of the approved actions (cancelled ones included, marked) of every public campaign, or of the
     * public campaign at {@code campaignSlug} (404 for one that is not), soonest first, {@code offset} actions in, with
     * the organizations that host them and how many there are in all; three or four queries.
     */
    public NumberedActions numbered(String campaignSlug, long offset, int limit) {
        var among = campaignSlug == null
                ? campaigns.published()
                : java.util.Set.of(published(campaignSlug, null).id());
        if (among.isEmpty()) {
            return new NumberedActions(List.of(), java.util.Map.of(), 0);
        }
        var shown = actions.approvedAmong(among, offset, limit);
        var hosts = shown.stream()
                .map(a -> a.details().organization())
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        return new NumberedActions(
                shown,
                hosts.isEmpty() ? java.util.Map.of() : organizations.find(hosts),
                actions.countApprovedAmong(among));
    }

    /** The most actions, and campaigns, an organization's calendar carries: the latest ones. */
    public static final int ORGANIZATION_CALENDAR_SIZE = 1_000;

    public static final int ORGANIZATION_CALENDAR_CAMPAIGNS = 100;

    /**
     * An organization's calendar (RFC 5545): the approved actions it hosts under public campaigns (cancelled ones
     * marked so), and the days of action of its published campaigns as all-day events, each titled by
     * {@code dayOfAction} from the campaign's title in {@code language}; four queries. 404 for an organization that is
     * not listed.
     */
    public String organizationCalendar(
            String organizationSlug, String language, java.util.function.UnaryOperator<String> dayOfAction) {
        var organization = organizations.listed(organizationSlug);
        var hosted = actions.hostedBy(organization.id(), ORGANIZATION_CALENDAR_SIZE);
        var open = campaigns.publishedAmong(
                hosted.stream().map(Action::campaign).distinct().toList());
        var events = new ArrayList<CalendarEvent>();
        hosted.stream()
                .filter(a -> open.contains(a.campaign()))
                .map(this::event)
                .forEach(events::add);
        for (var campaign :
                campaigns.ofOrganizationPage(organization.id(), language, ORGANIZATION_CALENDAR_CAMPAIGNS)) {
            for (var day : campaign.daysOfAction()) {
                events.add(CalendarEvent.allDay(
                        "campaign-" + campaign.id() + "-" + day + "@"
                                + URI.create(properties.link("/")).getHost(),
                        day,
                        day,
                        dayOfAction.apply(campaign.title()),
                        campaign.summary(),
                        URI.create(properties.link("/c/" + campaign.slug())),
                        0,
                        campaign.updatedAt()));
            }
        }
        return CalendarFeed.write(organization.name(), events, clock.instant());
    }

    /** Whether the organization's calendar has anything: an action it hosts or a published campaign. */
    public boolean hasOrganizationCalendar(org.chorus.organizations.OrganizationId organization) {
        return actions.hostsAny(organization)
                || !campaigns.ofOrganizationPage(organization, "", 1).isEmpty();
    }

    private CalendarEvent event(Action action) {
        return event(action, action.details().exactPlacePublicAt(clock.instant()));
    }

    private CalendarEvent event(Action action, boolean exactPlace) {
        var d = action.details();
        return new CalendarEvent(
                "action-" + action.id() + "@" + URI.create(properties.link("/")).getHost(),
                d.start(),
                d.end(),
                d.title(),
                d.description(),
                location(action, exactPlace),
                URI.create(properties.link("/actions/" + action.id())),
                action.sequence(),
                action.cancelled(),
                action.updatedAt());
    }

    /** Where, as a calendar says it: the link, or the venue, address and city (the city alone when approximate). */
    static String location(Action action, boolean exactPlace) {
        var d = action.details();
        if (d.online()) {
            return d.onlineUrl();
        }
        var place = d.place();
        var parts = new ArrayList<String>();
        if (exactPlace) {
            parts.add(place.venue());
            parts.add(place.address());
        }
        parts.add(place.cityName());
        parts.add(Locale.of("", place.country()).getDisplayCountry(Locale.ENGLISH));
        return String.join(
                ", ", parts.stream().filter(p -> p != null && !p.isBlank()).toList());
    }

    private GeoJson.Feature point(Actions.MapItem action, java.time.format.DateTimeFormatter reader) {
        return GeoJson.item(
                action.id().toString(),
                degrees(action.latitude()),
                degrees(action.longitude()),
                action.title(),
                ActionTimes.when(action.start(), reader),
                "/actions/" + action.id(),
                action.flagship());
    }

    /**
     * A position rounded to 5 decimals (about a metre; RFC 7946 §11.2 advises no more than 6), so a cluster's centre,
     * an average, does not carry 17 digits of false precision to the map.
     */
    static double degrees(double value) {
        return Math.round(value * 100_000) / 100_000.0;
    }

    private PublishedCampaign published(String slug, String language) {
        return campaigns.published(slug, language).orElseThrow(() -> new NotFoundException("campaign.not-found"));
    }
}

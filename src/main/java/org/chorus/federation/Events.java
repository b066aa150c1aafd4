package org.chorus.federation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chorus.actions.ActionId;
import org.chorus.actions.ActionPage;
import org.chorus.actions.ReadingActions;
import org.chorus.federation.activitystreams.Activities;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.OrganizationId;
import org.chorus.rsvps.ReadingRsvps;
import org.chorus.shared.markdown.SafeHtml;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Approved actions as Mobilizon reads events: an {@code Event} of the campaign's organization, with its times and
 * time zone, its place as the public sees it (the venue, address and pin, or only the city for an action whose host
 * shows no more yet), whether it is online, the RSVP form as an external way to join ({@code joinMode} external), the
 * number going and never who, and {@code ical:status} CANCELLED once cancelled. Mastodon shows an Event as a plain
 * post and ignores its updates, so the date, time zone and place are also written in {@code summary}.
 */
@Component
class Events {

    /** An action's Event, and the organization whose followers hear of it. */
    record Event(OrganizationId organization, String slug, String id, Map<String, Object> object) {}

    static final List<Object> CONTEXT = List.of(
            "https://www.w3.org/ns/activitystreams",
            Map.of(
                    "mz", "https://joinmobilizon.org/ns#",
                    "sc", "http://schema.org#",
                    "ical", "http://www.w3.org/2002/12/cal/ical#",
                    "joinMode", Map.of("@id", "mz:joinMode", "@type", "mz:joinModeType"),
                    "externalParticipationUrl", "mz:externalParticipationUrl",
                    "isOnline", "mz:isOnline",
                    "timezone", "mz:timezone",
                    "participantCount", "mz:participantCount",
                    "PostalAddress", "sc:PostalAddress",
                    "address", Map.of("@id", "sc:address", "@type", "sc:PostalAddress")));

    private final ReadingActions actions;
    private final ReadingRsvps rsvps;
    private final CoalitionDirectory directory;
    private final Addresses addresses;

    Events(ReadingActions actions, ReadingRsvps rsvps, CoalitionDirectory directory, Addresses addresses) {
        this.actions = actions;
        this.rsvps = rsvps;
        this.directory = directory;
        this.addresses = addresses;
    }

    String id(ActionId action) {
        return addresses.link("/actions/" + action);
    }

    /** The public action's Event as anyone may see it; empty when it is not public. */
    Optional<Event> of(ActionId action) {
        // empty, not thrown, when the action or its campaign is not public (withdrawn meanwhile, say): a not-found
        // thrown inside the listener's transaction would mark it for rollback
        var found = actions.publicPage(action);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var page = found.get();
        var issuer = page.campaign().issuer();
        var organization = directory.byId(issuer).filter(o -> o.active());
        if (organization.isEmpty()) {
            return Optional.empty();
        }
        var slug = organization.get().slug();
        return Optional.of(new Event(issuer, slug, id(action), event(page, slug)));
    }

    private Map<String, Object> event(ActionPage page, String slug) {
        var action = page.action();
        var details = action.details();
        var locale = Locale.forLanguageTag(page.campaign().language());
        var address = id(action.id());
        var event = new LinkedHashMap<String, Object>();
        event.put("id", address);
        event.put("type", "Event");
        event.put("attributedTo", addresses.actor(slug));
        event.put("name", details.title());
        event.put(
                "summary",
                HtmlUtils.htmlEscape(
                        when(page, locale) + where(page).map(w -> " · " + w).orElse("")));
        event.put(
                "content",
                new SafeHtml(details.descriptionHtml())
                        .withAbsoluteImages(addresses.link(""))
                        .html());
        event.put("mediaType", "text/html");
        event.put("startTime", details.start().toOffsetDateTime().toString());
        if (details.end() != null) {
            event.put("endTime", details.end().toOffsetDateTime().toString());
        }
        event.put("timezone", details.zone().getId());
        event.put("isOnline", details.online());
        if (details.place() != null) {
            event.put("location", place(page));
        }
        event.put("joinMode", "external");
        event.put("externalParticipationUrl", address + "#rsvp");
        event.put("participantCount", rsvps.going(action.id()));
        event.put("ical:status", action.cancelled() ? "CANCELLED" : "CONFIRMED");
        event.put("url", address);
        event.put("context", addresses.link("/c/" + action.campaignSlug()));
        event.put("published", (action.approvedAt() == null ? action.createdAt() : action.approvedAt()).toString());
        event.put("updated", action.updatedAt().toString());
        event.put("to", List.of(Activities.PUBLIC));
        event.put("cc", List.of(addresses.followers(slug)));
        return event;
    }

    /** The Place as the public sees it: the venue, address and pin, or only the city and its centre. */
    private static Map<String, Object> place(ActionPage page) {
        var place = page.action().details().place();
        var postal = new LinkedHashMap<String, Object>();
        postal.put("type", "PostalAddress");
        if (page.exactPlace() && place.address() != null && !place.address().isBlank()) {
            postal.put("streetAddress", place.address());
        }
        postal.put("addressLocality", place.cityName());
        postal.put("addressCountry", place.country());
        var location = new LinkedHashMap<String, Object>();
        location.put("type", "Place");
        location.put(
                "name",
                page.exactPlace() && place.venue() != null && !place.venue().isBlank()
                        ? place.venue()
                        : place.cityName());
        location.put("address", postal);
        location.put("latitude", page.exactPlace() ? place.latitude() : place.cityLatitude());
        location.put("longitude", page.exactPlace() ? place.longitude() : place.cityLongitude());
        return location;
    }

    private static String when(ActionPage page, Locale locale) {
        var details = page.action().details();
        var day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        var time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        var text = new StringBuilder(day.format(details.start())).append(", ").append(time.format(details.start()));
        if (details.end() != null) {
            text.append(details.end().toLocalDate().equals(details.start().toLocalDate()) ? "–" : " – ");
            if (!details.end().toLocalDate().equals(details.start().toLocalDate())) {
                text.append(day.format(details.end())).append(", ");
            }
            text.append(time.format(details.end()));
        }
        return text.append(" (").append(details.zone().getId()).append(')').toString();
    }

    private static Optional<String> where(ActionPage page) {
        var place = page.action().details().place();
        if (place == null) {
            return Optional.empty();
        }
        var parts = new java.util.ArrayList<String>();
        if (page.exactPlace()) {
            for (var part : new String[] {place.venue(), place.address()}) {
                if (part != null && !part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        parts.add(place.cityName());
        return Optional.of(String.join(", ", parts));
    }

    /** The activity that tells followers of the Event now: a Create, or an Update with the moment of the change. */
    Map<String, Object> activity(Event event, String type, Instant at) {
        var actor = addresses.actor(event.slug());
        var activity = new LinkedHashMap<String, Object>();
        activity.put("@context", CONTEXT);
        activity.put(
                "id",
                actor + "/activities/" + type.toLowerCase(Locale.ROOT) + "-" + Addresses.shortHash(event.id())
                        + (type.equals("Create") ? "" : "-" + at.toEpochMilli()));
        activity.put("type", type);
        activity.put("actor", actor);
        activity.put("published", at.toString());
        activity.put("to", List.of(Activities.PUBLIC));
        activity.put("cc", List.of(addresses.followers(event.slug())));
        activity.put("object", event.object());
        return activity;
    }
}

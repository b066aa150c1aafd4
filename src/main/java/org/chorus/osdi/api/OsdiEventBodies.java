package org.chorus.osdi.api;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chorus.actions.ActionForm;
import org.chorus.campaigns.ActionKind;
import org.chorus.places.City;
import org.chorus.places.Gazetteer;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.markdown.HtmlToMarkdown;
import org.chorus.shared.web.JsonBodies;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads an OSDI event, as a client creates or changes one, into the form of an action. OSDI documents carry more than
 * Chorus keeps (reminders, tickets, share options, identifiers of other systems): what Chorus has no place for is
 * ignored, as OSDI asks of servers; a field Chorus reads with a value of the wrong type is a 400 naming it. The
 * description is HTML in OSDI and Markdown in Chorus; dates with an offset are moved to the action's time zone; the
 * location's coordinates (or its locality and country) find the city. Chorus's own fields, which OSDI lacks, come with
 * the prefix {@code chorus:} (kind, time_zone, online_url, accessibility).
 */
@Component
class OsdiEventBodies {

    private final Gazetteer gazetteer;

    OsdiEventBodies(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /**
     * The form of the action the event describes: every field given replaces the one of {@code current} (the action's
     * form when it changes; null for a new one, whose {@code kinds} are its campaign's).
     */
    ActionForm form(JsonNode body, ActionForm current, List<ActionKind> kinds) {
        if (body == null || !body.isObject()) {
            throw new DomainException(400, "api.body-not-object");
        }
        if (JsonBodies.hasNul(body)) {
            throw new DomainException(400, "api.field-nul", "?");
        }
        var was = current != null
                ? current
                : new ActionForm("", "", "", "", "", "", "", "", "", "", "", "", "", null, "");
        var title = text(body, "title").or(() -> text(body, "name")).orElse(was.title());
        var description = text(body, "description")
                .map(HtmlToMarkdown::convert)
                .or(() -> text(body, "summary"))
                .orElse(was.description());
        var online = text(body, "chorus:online_url").orElse(was.online());
        String venue = was.venue();
        String address = was.address();
        String city = was.city();
        String latitude = was.latitude();
        String longitude = was.longitude();
        ZoneId cityZone = null;
        var location = body.get("location");
        if (location != null && !location.isNull()) {
            if (!location.isObject()) {
                throw new DomainException(400, "api.field-type", "location");
            }
            var found = city(location);
            city = Long.toString(found.id());
            cityZone = found.timeZone();
            venue = text(location, "venue").orElse("");
            address = lines(location);
            var point = point(location);
            latitude = point.map(p -> Double.toString(p[0])).orElse("");
            longitude = point.map(p -> Double.toString(p[1])).orElse("");
            online = text(body, "chorus:online_url").orElse("");
        }
        var zoneName = text(body, "chorus:time_zone")
                .orElse(cityZone != null ? cityZone.getId() : was.timeZone().isBlank() ? "" : was.timeZone());
        if (zoneName.isBlank() && city.isBlank()) {
            zoneName = "UTC";
        }
        var zone = zone(zoneName, cityZone);
        var starts = text(body, "start_date").map(t -> local(t, zone)).orElse(was.startsAt());
        var ends = text(body, "end_date").map(t -> local(t, zone)).orElse(was.endsAt());
        var kind = text(body, "chorus:kind").orElse(was.kind());
        if (kind.isBlank()) {
            kind = firstKind(kinds, city.isBlank());
        }
        return new ActionForm(
                kind,
                title,
                description,
                was.organization(),
                starts,
                ends,
                zoneName,
                online,
                venue,
                address,
                city,
                latitude,
                longitude,
                was.approximate(),
                text(body, "chorus:accessibility").orElse(was.accessibility()),
                current == null ? "" : current.cosponsors(),
                current == null ? "" : current.revealHours());
    }

    /** A new event's kind when it names none: the campaign's first kind at a place, or online for one without. */
    private static String firstKind(List<ActionKind> kinds, boolean online) {
        if (online && kinds.contains(ActionKind.ONLINE)) {
            return ActionKind.ONLINE.name();
        }
        return kinds.stream()
                .filter(k -> k != ActionKind.ONLINE)
                .findFirst()
                .orElse(ActionKind.ONLINE)
                .name();
    }

    /** The city of a location: the nearest to its coordinates, else the most populous of its locality's name. */
    private City city(JsonNode location) {
        var point = point(location);
        if (point.isPresent()) {
            return gazetteer.nearest(point.get()[0], point.get()[1]);
        }
        var locality = text(location, "locality").orElse("");
        var country = text(location, "country");
        return gazetteer.suggest(locality, country, 1).stream()
                .findFirst()
                .orElseThrow(() -> new InvalidField("location", "osdi.city-unknown", locality));
    }

    private static Optional<double[]> point(JsonNode location) {
        var coordinates = location.get("location");
        if (coordinates == null || coordinates.isNull()) {
            return Optional.empty();
        }
        var latitude = coordinates.get("latitude");
        var longitude = coordinates.get("longitude");
        if (latitude == null || longitude == null || !latitude.isNumber() || !longitude.isNumber()) {
            throw new DomainException(400, "api.field-type", "location.location");
        }
        var lat = latitude.asDouble();
        var lon = longitude.asDouble();
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new InvalidField("location", "osdi.coordinates-invalid");
        }
        return Optional.of(new double[] {lat, lon});
    }

    private static String lines(JsonNode location) {
        var lines = location.get("address_lines");
        if (lines == null || lines.isNull()) {
            return "";
        }
        if (!lines.isArray()) {
            throw new DomainException(400, "api.field-type", "location.address_lines");
        }
        var all = new ArrayList<String>();
        for (var line : lines) {
            if (!line.isString()) {
                throw new DomainException(400, "api.field-type", "location.address_lines");
            }
            if (!line.asString().isBlank()) {
                all.add(line.asString().strip());
            }
        }
        text(location, "postal_code").ifPresent(all::add);
        return String.join(", ", all);
    }

    private static ZoneId zone(String name, ZoneId unless) {
        if (name.isBlank()) {
            return unless != null ? unless : ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name);
        } catch (java.time.DateTimeException e) {
            throw new InvalidField("chorus:time_zone", "osdi.time-zone-unknown", name);
        }
    }

    /**
     * A date as the action's form takes it (local, to the minute): one with an offset (OSDI's {@code Z}) at the same
     * instant in {@code zone}; one without as it is; anything else as typed, for the form to say what is wrong.
     */
    static String local(String typed, ZoneId zone) {
        try {
            return OffsetDateTime.parse(typed)
                    .atZoneSameInstant(zone)
                    .toLocalDateTime()
                    .truncatedTo(ChronoUnit.MINUTES)
                    .toString();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(typed)
                        .truncatedTo(ChronoUnit.MINUTES)
                        .toString();
            } catch (DateTimeParseException again) {
                return typed;
            }
        }
    }

    /** A text field, stripped; empty when absent or null; 400 when it is not text. */
    static Optional<String> text(JsonNode node, String name) {
        var value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw new DomainException(400, "api.field-type", name);
        }
        return Optional.of(value.asString().strip());
    }
}

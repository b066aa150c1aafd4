package org.chorus.actions;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;
import org.chorus.campaigns.ActionKind;
import org.chorus.campaigns.PublishedCampaign;
import org.chorus.organizations.OrganizationId;
import org.chorus.places.City;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.HttpsAddress;
import org.chorus.shared.InvalidField;
import org.chorus.shared.calendar.LocalTimes;
import org.chorus.shared.markdown.Markdown;

/**
 * What a host writes about an action, checked: its kind (one the campaign calls for), title (plain text), description
 * (Markdown), start and end in its own zone (inside the campaign's window there: "12 October" is that day in Manila and
 * in Toronto alike), an online link or a place, whether the place is shown only as its city (and, if so, how many
 * hours before the start it is shown to everyone: {@code revealHours}, null for never), accessibility notes.
 */
public record ActionDetails(
        ActionKind kind,
        String title,
        String description,
        String storedHtml,
        OrganizationId organization,
        ZonedDateTime start,
        ZonedDateTime end,
        String onlineUrl,
        ActionPlace place,
        boolean approximate,
        String accessibility,
        Integer revealHours) {

    public static final int TITLE_MAX = 200;
    /** The earliest reveal: a week before the start. */
    public static final int REVEAL_MAX_HOURS = 168;

    /** Details whose place, if approximate, is never revealed to everyone. */
    public ActionDetails(
            ActionKind kind,
            String title,
            String description,
            String storedHtml,
            OrganizationId organization,
            ZonedDateTime start,
            ZonedDateTime end,
            String onlineUrl,
            ActionPlace place,
            boolean approximate,
            String accessibility) {
        this(
                kind,
                title,
                description,
                storedHtml,
                organization,
                start,
                end,
                onlineUrl,
                place,
                approximate,
                accessibility,
                null);
    }

    public static final int DESCRIPTION_MAX = 20_000;
    public static final int VENUE_MAX = 200;
    public static final int ADDRESS_MAX = 300;
    public static final int ACCESSIBILITY_MAX = 2_000;
    public static final int URL_MAX = 500;
    public static final Duration LONGEST = Duration.ofDays(14);

    /**
     * The form checked field by field (every broken rule reported at once, next to its field); {@code cities} finds a
     * city of the gazetteer by its GeoNames id.
     */
    public static ActionDetails written(
            ActionForm form,
            PublishedCampaign campaign,
            OrganizationId organization,
            LongFunction<Optional<City>> cities) {
        var checks = new FieldChecks();
        var kind = checks.check(() -> kind(form.kind(), campaign));
        var title = checks.check(() -> title(form.title()));
        var description = checks.check(() -> limited("description", form.description(), DESCRIPTION_MAX));
        var accessibility = checks.check(() -> limited("accessibility", form.accessibility(), ACCESSIBILITY_MAX));
        var online = checks.check(() -> online(form.online()));
        var place = checks.check(() -> online != null && blank(form.city()) ? null : place(form, cities));
        var zone = checks.check(() -> zone(form.timeZone(), place, online != null));
        var reveal = checks.check(() -> revealHours(form.revealHours()));
        var start = checks.check(() -> zone == null ? null : time("startsAt", form.startsAt(), zone));
        var end = checks.check(() -> zone == null ? null : time("endsAt", form.endsAt(), zone));
        if (online != null && place != null) {
            refuse(checks, "online", "action.online-or-place");
        }
        if (start != null && end != null) {
            checks.check((Runnable) () -> when(start, end, campaign));
        }
        checks.done();
        var approximate = place != null && Boolean.TRUE.equals(form.approximate());
        return new ActionDetails(
                kind,
                title,
                description,
                Markdown.render(description).html(),
                organization,
                start,
                end,
                online,
                place,
                approximate,
                accessibility,
                approximate ? reveal : null);
    }

    /** When the exact place of an approximate location is shown to everyone; null when never (or not approximate). */
    public java.time.Instant revealAt() {
        return approximate && revealHours != null ? start.toInstant().minus(Duration.ofHours(revealHours)) : null;
    }

    /** Whether everyone sees the exact place at this moment: always unless approximate, then from the reveal on. */
    public boolean exactPlacePublicAt(java.time.Instant now) {
        var reveal = revealAt();
        return !approximate || reveal != null && !now.isBefore(reveal);
    }

    /** The description as HTML to show, sanitized again with today's rules. */
    public String descriptionHtml() {
        return Markdown.sanitize(storedHtml).html();
    }

    public ZoneId zone() {
        return start.getZone();
    }

    public boolean online() {
        return onlineUrl != null;
    }

    private static Integer revealHours(String typed) {
        if (blank(typed)) {
            return null;
        }
        try {
            int hours = Integer.parseInt(typed.strip());
            if (hours < 0 || hours > REVEAL_MAX_HOURS) {
                throw new InvalidField("revealHours", "action.reveal.out-of-range", REVEAL_MAX_HOURS);
            }
            return hours;
        } catch (NumberFormatException e) {
            throw new InvalidField("revealHours", "action.reveal.out-of-range", REVEAL_MAX_HOURS);
        }
    }

    private static ActionKind kind(String typed, PublishedCampaign campaign) {
        try {
            var kind = ActionKind.valueOf(typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT));
            if (!campaign.kinds().contains(kind)) {
                throw new InvalidField("kind", "action.kind.not-called-for");
            }
            return kind;
        } catch (IllegalArgumentException e) {
            throw new InvalidField("kind", "action.kind.required");
        }
    }

    private static String title(String typed) {
        var title = limited("title", typed, TITLE_MAX);
        if (title.isEmpty()) {
            throw new InvalidField("title", "action.title.required");
        }
        // a title is plain text everywhere it goes (lists, the map, calendars): markup in it is a mistake, said so
        if (title.matches("(?s).*<\\s*/?\\s*[a-zA-Z!].*")) {
            throw new InvalidField("title", "action.title.no-html");
        }
        return title;
    }

    private static String limited(String field, String typed, int max) {
        var clean = typed == null ? "" : typed.strip();
        if (clean.length() > max) {
            throw new InvalidField(field, "action.text.too-long", max);
        }
        return clean;
    }

    private static String online(String typed) {
        var url = limited("online", typed, URL_MAX);
        if (url.isEmpty()) {
            return null;
        }
        return HttpsAddress.check("online", url, "action.online.https-only");
    }

    private static ActionPlace place(ActionForm form, LongFunction<Optional<City>> cities) {
        var checks = new FieldChecks();
        var city = checks.check(() -> city(form.city(), cities));
        var venue = checks.check(() -> limited("venue", form.venue(), VENUE_MAX));
        var address = checks.check(() -> limited("address", form.address(), ADDRESS_MAX));
        var latitude = checks.check(() -> degrees("latitude", form.latitude(), 90));
        var longitude = checks.check(() -> degrees("longitude", form.longitude(), 180));
        if (blank(form.latitude()) != blank(form.longitude())) {
            refuse(checks, blank(form.latitude()) ? "latitude" : "longitude", "action.pin.both");
        }
        checks.done();
        return ActionPlace.in(city, venue, address, latitude, longitude);
    }

    private static City city(String typed, LongFunction<Optional<City>> cities) {
        if (blank(typed)) {
            throw new InvalidField("city", "action.city.required");
        }
        try {
            return cities.apply(Long.parseLong(typed.strip()))
                    .orElseThrow(() -> new InvalidField("city", "action.city.unknown"));
        } catch (NumberFormatException e) {
            throw new InvalidField("city", "action.city.unknown");
        }
    }

    private static Double degrees(String field, String typed, double limit) {
        if (blank(typed)) {
            return null;
        }
        try {
            var value = Double.parseDouble(typed.strip());
            if (!(value >= -limit && value <= limit)) {
                throw new InvalidField(field, "action." + field + ".out-of-range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidField(field, "action." + field + ".out-of-range");
        }
    }

    /** The zone typed, else the city's; null when neither is known yet (the city's field says why). */
    private static ZoneId zone(String typed, ActionPlace place, boolean online) {
        if (blank(typed)) {
            if (place == null) {
                if (online) {
                    throw new InvalidField("timeZone", "action.time-zone.required");
                }
                return null;
            }
            return org.chorus.places.PlaceTimeZones.of(place.country(), place.cityLatitude(), place.cityLongitude());
        }
        var id = typed.strip();
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            throw new InvalidField("timeZone", "action.time-zone.unknown");
        }
        return ZoneId.of(id);
    }

    private static ZonedDateTime time(String field, String typed, ZoneId zone) {
        if (blank(typed)) {
            throw new InvalidField(field, "action.time.required");
        }
        try {
            return LocalTimes.inZone(field, LocalDateTime.parse(typed.strip()), zone);
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "action.time.invalid");
        }
    }

    /** Both ends inside the campaign's window, each read as a local date in the action's own zone. */
    private static void when(ZonedDateTime start, ZonedDateTime end, PublishedCampaign campaign) {
        var checks = new FieldChecks();
        if (!end.isAfter(start)) {
            refuse(checks, "endsAt", "action.ends-before-start");
        } else if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            refuse(checks, "endsAt", "action.too-long", LONGEST.toDays());
        }
        if (!campaign.covers(start.toLocalDate())) {
            refuse(checks, "startsAt", "action.outside-window", campaign.startsOn(), campaign.endsOn());
        }
        if (!campaign.covers(end.toLocalDate())) {
            refuse(checks, "endsAt", "action.outside-window", campaign.startsOn(), campaign.endsOn());
        }
        checks.done();
    }

    private static void refuse(FieldChecks checks, String field, String key, Object... arguments) {
        checks.check((Runnable) () -> {
            throw new InvalidField(field, key, arguments);
        });
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Whether these details say the same as {@code other} of when and where: start, end, zone, place and online link. */
    public boolean sameTimeAndPlace(ActionDetails other) {
        return start.equals(other.start())
                && end.equals(other.end())
                && java.util.Objects.equals(onlineUrl, other.onlineUrl())
                && java.util.Objects.equals(place, other.place());
    }
}

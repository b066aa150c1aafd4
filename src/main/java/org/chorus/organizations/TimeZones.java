package org.chorus.organizations;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.chorus.shared.InvalidField;

/** The time zones an organization can choose: IANA region ids (Africa/Dakar, America/Bogota…) and UTC. */
public final class TimeZones {

    private static final List<String> CHOICES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.equals("UTC")
                    || id.matches(
                            "(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+"))
            .sorted()
            .toList();

    private TimeZones() {}

    /** Every zone offered, sorted by id (a region then a city, which reads the same in every language). */
    public static List<String> choices() {
        return CHOICES;
    }

    /** The zone's name for a reader, with its id: "Central European Time (Europe/Paris)". */
    public static String name(String id, Locale reader) {
        return ZoneId.of(id).getDisplayName(TextStyle.FULL, reader) + " (" + id + ")";
    }

    /** A moment as read on the organization's clocks, with the zone: "2 December 2026, 18:30 (Africa/Dakar)". */
    public static String format(Instant when, ZoneId zone, Locale reader) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                        .withLocale(reader)
                        .format(when.atZone(zone))
                + " (" + zone.getId() + ")";
    }

    /** A typed zone, checked: one of {@link #choices()}. */
    static ZoneId checked(String typed) {
        var id = typed == null ? "" : typed.strip();
        if (!CHOICES.contains(id)) {
            throw new InvalidField("timeZone", "organization.time-zone.invalid");
        }
        return ZoneId.of(id);
    }
}

package org.chorus.audit.web;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.chorus.audit.ReadingActivity;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page of the audit log as the reader reads it: each entry as one sentence in their language ("Ana made Sam an
 * editor in Climate Coalition"), its time in the zone they chose, and the link to older entries.
 *
 * @param organization the organization whose log it is, or null for the reader's own
 */
public record ActivityPage(
        String title,
        String path,
        @Nullable Organization organization,
        List<Item> items,
        @Nullable String olderHref,
        String zone,
        List<String> zones) {

    /** One entry: when (ISO for {@code <time datetime>}, and as the reader reads it), what, and a label if it has one. */
    public record Item(
            String isoTime,
            String time,
            String sentence,
            @Nullable String label) {}

    static ActivityPage of(
            Ui ui,
            String title,
            String path,
            ReadingActivity.Activity activity,
            @Nullable String zoneParameter,
            @Nullable Organization organization) {
        var zone = zone(zoneParameter);
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(ui.locale())
                .withZone(zone);
        var items = activity.lines().stream()
                .map(line -> new Item(
                        line.entry().occurredAt().toString(),
                        format.format(line.entry().occurredAt()),
                        sentence(ui, line),
                        label(line)))
                .toList();
        var older = activity.older()
                .map(cursor -> UriComponentsBuilder.fromPath(path)
                        .queryParam("before", cursor.value())
                        .queryParam("zone", zone.getId())
                        .build()
                        .encode()
                        .toUriString())
                .orElse(null);
        return new ActivityPage(title, path, organization, items, older, zone.getId(), Zones.ALL);
    }

    private static final ZoneId UTC = ZoneId.of("UTC");

    /** The zone the reader asked for, or UTC when they asked for none or for one that does not exist. */
    static ZoneId zone(@Nullable String parameter) {
        if (parameter == null || parameter.isBlank() || parameter.length() > 64) {
            return UTC;
        }
        try {
            return ZoneId.of(parameter.strip());
        } catch (DateTimeException e) {
            return UTC;
        }
    }

    /**
     * The entry's sentence: {0} who did it, {1} to whom, {2} the organization, {3} the statement, {4} the other
     * organization, {5} the role, {6} and {7} counts, {8} a title (of a campaign), in its own direction. A name that no longer exists reads "a deleted account" (or
     * organization, statement); an entry without an actor was done by Chorus itself.
     */
    static String sentence(Ui ui, ReadingActivity.Line line) {
        var entry = line.entry();
        var detail = entry.detail() == null ? "" : entry.detail();
        var counts = detail.split("/", 2);
        return ui.t(
                "audit.entry." + entry.kind(),
                entry.actor() == null ? ui.t("audit.chorus") : orDeleted(ui, line.actor(), "audit.deleted-account"),
                orDeleted(ui, line.subject(), entry.subject() == null ? "audit.a-guest" : "audit.deleted-account"),
                orDeleted(ui, line.organization(), "audit.deleted-organization"),
                orDeleted(ui, line.statement(), "audit.deleted-statement"),
                orDeleted(ui, line.otherOrganization(), "audit.deleted-organization"),
                role(ui, detail),
                counts.length == 2 ? counts[0] : "",
                counts.length == 2 ? counts[1] : "",
                "\u2068" + detail + "\u2069");
    }

    /** A label the person chose (a token's or a passkey's name), shown after their own account's entries. */
    static @Nullable String label(ReadingActivity.Line line) {
        var entry = line.entry();
        return entry.kind().startsWith("account.")
                        && entry.detail() != null
                        && !entry.detail().isBlank()
                ? entry.detail()
                : null;
    }

    /** A name in its own direction (U+2068 … U+2069), so an Arabic name in an English sentence, or the reverse, reads right. */
    private static String orDeleted(Ui ui, @Nullable String name, String key) {
        return name == null ? ui.t(key) : "\u2068" + name + "\u2069";
    }

    private static String role(Ui ui, String detail) {
        for (var role : Role.values()) {
            if (role.name().equals(detail)) {
                return ui.t(role.key());
            }
        }
        return "";
    }

    /** The time zones a reader may choose, by name, once for all pages. */
    static final class Zones {
        static final List<String> ALL = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("UTC"),
                        ZoneId.getAvailableZoneIds().stream()
                                .filter(id ->
                                        id.matches("(Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
                                .sorted())
                .toList();

        private Zones() {}
    }
}

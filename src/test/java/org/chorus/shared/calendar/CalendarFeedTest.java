package org.chorus.shared.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.chorus.shared.InvalidField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CalendarFeedTest {

    private static final Path FIXTURES =
            Path.of(System.getProperty("chorus.shared-fixtures", "../shared/fixtures"), "ics");
    private static final Instant NOW = Instant.parse("2026-10-01T09:00:00Z");
    private static final ZoneId MANILA = ZoneId.of("Asia/Manila");
    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    private static final CalendarEvent TEACH_IN = new CalendarEvent(
            "action-1@chorus.example",
            ZonedDateTime.of(2026, 10, 12, 18, 0, 0, 0, MANILA),
            ZonedDateTime.of(2026, 10, 12, 20, 30, 0, 0, MANILA),
            "Teach-in: water, land; and the rest\\",
            "Bring a friend.\nSecond line, with commas; semicolons and a long sentence that goes on well past "
                    + "seventy-five octets so that the writer has to fold it — é, ü, 日本 included.",
            "Quezon Memorial Circle, Quezon City",
            URI.create("https://chorus.example/a/teach-in"),
            2,
            false,
            Instant.parse("2026-09-30T10:15:00Z"));

    private static final CalendarEvent MARCH = new CalendarEvent(
            "action-2@chorus.example",
            ZonedDateTime.of(2026, 10, 12, 12, 0, 0, 0, TORONTO),
            ZonedDateTime.of(2026, 10, 12, 14, 0, 0, 0, TORONTO),
            "March to Queen's Park",
            null,
            null,
            null,
            0,
            true,
            null);

    static Stream<Path> valid() throws IOException {
        return files(FIXTURES);
    }

    static Stream<Path> invalid() throws IOException {
        return files(FIXTURES.resolve("invalid"));
    }

    private static Stream<Path> files(Path folder) throws IOException {
        try (var list = Files.list(folder)) {
            return list.filter(p -> p.toString().endsWith(".ics")).sorted().toList().stream();
        }
    }

    /**
     * Two of the real-world files break RFC 5545 in ways ical4j 4.4 refuses even when reading liberally: Google's
     * {@code RDATE:20131210Z} (a date with a UTC mark) and ical.js's VTIMEZONE without a TZID. They are refused as
     * unreadable, with the line, not read wrongly.
     */
    private static final List<String> REFUSED_REAL_WORLD = List.of("google_birthday.ics", "recur_instances.ics");

    @ParameterizedTest
    @MethodSource("valid")
    void every_real_world_calendar_is_read(Path file) throws IOException {
        var text = Files.readString(file, StandardCharsets.UTF_8);
        if (REFUSED_REAL_WORLD.contains(file.getFileName().toString())) {
            assertThatThrownBy(() -> CalendarFeed.read(text))
                    .isInstanceOf(CalendarFeed.UnreadableCalendar.class)
                    .hasMessageContaining("Error at line");
            return;
        }
        var calendar = CalendarFeed.read(text);

        assertThat(calendar.getComponents().size() + calendar.getProperties().size())
                .isPositive();
    }

    /**
     * The deliberately broken files (SOURCES.md): those ical4j's own tests expect to fail and
     * Outlook's seven-digit dates are refused, with the line;
     * the others are read, liberally, into what they hold (folding gone wrong, a blank line inside).
     */
    @ParameterizedTest
    @MethodSource("invalid")
    void a_broken_calendar_is_refused_as_unreadable_or_read_liberally(Path file) throws IOException {
        var text = Files.readString(file, StandardCharsets.UTF_8);
        if (List.of("13-MoonPhase.ics", "boeing.ics", "overlaps.ics")
                .contains(file.getFileName().toString())) {
            assertThatThrownBy(() -> CalendarFeed.read(text))
                    .isInstanceOf(CalendarFeed.UnreadableCalendar.class)
                    .hasMessageContaining("Error at line");
        } else {
            var calendar = CalendarFeed.read(text);
            assertThat(calendar.getComponents().size()
                            + calendar.getProperties().size())
                    .isPositive();
        }
    }

    @Test
    void what_chorus_writes_reads_back_as_the_same_events() {
        var text = CalendarFeed.write("Days of action", List.of(TEACH_IN, MARCH), NOW);

        var events = CalendarFeed.events(CalendarFeed.read(text));

        assertThat(events).containsExactly(TEACH_IN, MARCH);
    }

    @Test
    void every_zone_used_has_its_vtimezone_and_every_event_its_stamp_and_tzid() {
        var text = CalendarFeed.write("Days of action", List.of(TEACH_IN, MARCH), NOW);
        var calendar = CalendarFeed.read(text);

        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE"))
                .extracting(z -> z.getTimeZoneId().getValue())
                .containsExactlyInAnyOrder("Asia/Manila", "America/Toronto");
        assertThat(unfolded(text))
                .contains("DTSTART;TZID=Asia/Manila:20261012T180000")
                .contains("DTEND;TZID=America/Toronto:20261012T140000")
                .contains("DTSTAMP:20261001T090000Z")
                .contains("SEQUENCE:2")
                .contains("STATUS:CANCELLED")
                .contains("STATUS:CONFIRMED")
                .contains("X-WR-CALNAME:Days of action")
                .contains("LAST-MODIFIED:20260930T101500Z");
    }

    @Test
    void text_is_escaped_and_long_lines_folded() {
        var text = CalendarFeed.write("Days of action", List.of(TEACH_IN), NOW);

        assertThat(unfolded(text))
                .contains("SUMMARY:Teach-in: water\\, land\\; and the rest\\\\")
                .contains("DESCRIPTION:Bring a friend.\\nSecond line\\, with commas\\; semicolons");
        assertThat(text.split("\r\n"))
                .allSatisfy(line ->
                        assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(text).contains("\r\n ");
    }

    @Test
    void a_day_of_action_is_a_whole_date_with_no_time_and_no_zone_and_reads_back_the_same() {
        var day = CalendarEvent.allDay(
                "campaign-1-2026-10-12@chorus.example",
                java.time.LocalDate.parse("2026-10-12"),
                java.time.LocalDate.parse("2026-10-12"),
                "Day of action: Climate fortnight",
                "Everywhere, on that date.",
                java.net.URI.create("https://chorus.example/c/climate-fortnight"),
                0,
                NOW);

        var text = CalendarFeed.write("Days of action", List.of(day, MARCH), NOW);

        assertThat(unfolded(text))
                .contains("DTSTART;VALUE=DATE:20261012")
                .contains("DTEND;VALUE=DATE:20261013")
                .doesNotContain("TZID=UTC", "TZID:UTC");
        assertThat(CalendarFeed.read(text).<VTimeZone>getComponents("VTIMEZONE"))
                .extracting(z -> z.getTimeZoneId().getValue())
                .containsExactly("America/Toronto");
        assertThat(CalendarFeed.events(CalendarFeed.read(text))).containsExactly(day, MARCH);
        assertThat(day.allDay()).isTrue();
        assertThat(MARCH.allDay()).isFalse();
    }

    @Test
    void a_calendar_without_events_yet_is_still_a_calendar() {
        var text = CalendarFeed.write("Nothing yet", List.of(), NOW);

        assertThat(CalendarFeed.events(CalendarFeed.read(text))).isEmpty();
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").contains("VERSION:2.0");
    }

    @Test
    void a_time_at_a_fixed_offset_is_written_in_utc() {
        var start = ZonedDateTime.of(2026, 10, 12, 9, 0, 0, 0, java.time.ZoneOffset.ofHours(2));
        var online = new CalendarEvent(
                "online@chorus.example", start, start.plusHours(1), "Online call", null, null, null, 0, false, null);

        var text = CalendarFeed.write("Online", List.of(online), NOW);

        assertThat(text).contains("DTSTART:20261012T070000Z").doesNotContain("VTIMEZONE");
        assertThat(CalendarFeed.events(CalendarFeed.read(text))
                        .getFirst()
                        .start()
                        .toInstant())
                .isEqualTo(start.toInstant());
    }

    @Test
    void a_time_in_a_zone_newer_than_icaljs_data_is_written_in_utc_beside_zones_it_knows() {
        // America/Coyhaique is in the JDK's time-zone data since 2025; ical4j has no definition of it
        var coyhaique = ZonedDateTime.of(2026, 10, 12, 9, 0, 0, 0, java.time.ZoneId.of("America/Coyhaique"));
        var paris = ZonedDateTime.of(2026, 10, 12, 9, 0, 0, 0, java.time.ZoneId.of("Europe/Paris"));
        var there = new CalendarEvent(
                "coyhaique@chorus.example",
                coyhaique,
                coyhaique.plusHours(1),
                "March",
                null,
                null,
                null,
                0,
                false,
                null);
        var here = new CalendarEvent(
                "paris@chorus.example", paris, paris.plusHours(1), "Rally", null, null, null, 0, false, null);

        var text = CalendarFeed.write("Both", List.of(there, here), NOW);

        assertThat(text)
                .contains("DTSTART:"
                        + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                                .format(coyhaique.withZoneSameInstant(java.time.ZoneOffset.UTC)))
                .contains("TZID:Europe/Paris")
                .doesNotContain("TZID:America/Coyhaique");
        assertThat(CalendarFeed.events(CalendarFeed.read(text)))
                .extracting(e -> e.start().toInstant())
                .containsExactly(coyhaique.toInstant(), paris.toInstant());
    }

    @Test
    void a_time_the_clocks_skip_is_refused_for_its_field() {
        // 8 March 2026, 02:00 → 03:00 in Toronto
        assertThatThrownBy(() -> LocalTimes.inZone("start", LocalDateTime.of(2026, 3, 8, 2, 30), TORONTO))
                .isInstanceOfSatisfying(InvalidField.class, refused -> {
                    assertThat(refused.field()).isEqualTo("start");
                    assertThat(refused.messageKey()).isEqualTo("time.skipped-by-clock-change");
                    assertThat(refused.arguments()).containsExactly("02:00", "03:00");
                });
    }

    @Test
    void a_time_that_happens_twice_is_the_first_and_keeps_its_zone_in_the_calendar() {
        // 1 November 2026, 02:00 EDT → 01:00 EST in Toronto: 01:30 happens twice
        var start = LocalTimes.inZone("start", LocalDateTime.of(2026, 11, 1, 1, 30), TORONTO);
        var end = LocalTimes.inZone("end", LocalDateTime.of(2026, 11, 1, 3, 0), TORONTO);
        var event =
                new CalendarEvent("dst@chorus.example", start, end, "Night vigil", null, null, null, 0, false, null);

        assertThat(start.toInstant()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
        var text = CalendarFeed.write("Vigils", List.of(event), NOW);
        assertThat(unfolded(text)).contains("DTSTART;TZID=America/Toronto:20261101T013000");
        assertThat(CalendarFeed.events(CalendarFeed.read(text))).containsExactly(event);
    }

    @Test
    void an_ordinary_time_is_that_time_in_its_zone() {
        assertThat(LocalTimes.inZone("start", LocalDateTime.of(2026, 10, 12, 18, 0), MANILA))
                .isEqualTo(ZonedDateTime.of(2026, 10, 12, 18, 0, 0, 0, MANILA));
    }

    private static String unfolded(String text) {
        return text.replace("\r\n ", "");
    }
}

package org.chorus.shared.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One event of a calendar feed: a stable {@code uid} (the same event keeps it forever, so calendars update it instead
 * of adding another), its start and end in the zone where it happens, and a {@code sequence} raised on every change
 * people should see. A cancelled event stays in the feed, marked so, so calendars that have it remove it. An
 * {@code allDay} event covers whole dates, the same wherever the reader is (a campaign's day of action): its start and
 * end are midnights in UTC standing for those dates, the end the day after the last.
 */
public record CalendarEvent(
        String uid,
        ZonedDateTime start,
        ZonedDateTime end,
        String summary,
        String description,
        String location,
        URI url,
        int sequence,
        boolean cancelled,
        Instant lastModified,
        boolean allDay) {

    /** An event at times in a zone. */
    public CalendarEvent(
            String uid,
            ZonedDateTime start,
            ZonedDateTime end,
            String summary,
            String description,
            String location,
            URI url,
            int sequence,
            boolean cancelled,
            Instant lastModified) {
        this(uid, start, end, summary, description, location, url, sequence, cancelled, lastModified, false);
    }

    /** An event over whole dates, {@code first} to {@code last} included, with no time and no zone. */
    public static CalendarEvent allDay(
            String uid,
            LocalDate first,
            LocalDate last,
            String summary,
            String description,
            URI url,
            int sequence,
            Instant lastModified) {
        return new CalendarEvent(
                uid,
                first.atStartOfDay(ZoneOffset.UTC),
                last.plusDays(1).atStartOfDay(ZoneOffset.UTC),
                summary,
                description,
                null,
                url,
                sequence,
                false,
                lastModified,
                true);
    }

    public CalendarEvent {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(summary, "summary");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("an event ends after it starts: " + uid);
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("a sequence is never negative: " + uid);
        }
    }
}

package org.chorus.shared.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One event of a calendar feed: a stable {@code uid} (the same event keeps it forever, so calendars update it instead
 * of adding another), its start and end in the zone where it happens, and a {@code sequence} raised on every change
 * people should see. A cancelled event stays in the feed, marked so, so calendars that have it remove it.
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
        Instant lastModified) {

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

package org.chorus.shared.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Calendars (RFC 5545) of campaigns, actions and organizations, written and read by ical4j, never by concatenating
 * text: ical4j escapes text, folds long lines and writes each zone's VTIMEZONE from the definitions it bundles (its
 * updater, which would ask tzurl.org, is off in {@code ical4j.properties}). Every event keeps the zone it happens in
 * ({@code DTSTART;TZID=…}), so a reader's calendar shows it at the right hour wherever they are.
 */
public final class CalendarFeed {

    /** The media type to answer with. */
    public static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";

    private static final String PRODUCT = "-//Chorus//Chorus calendars//EN";

    /**
     * The zones Chorus writes: one registry for the process, which reads each zone's definition from ical4j's jar once
     * (a registry of its own for each calendar read them again for each). Reading takes a fresh one, since a calendar
     * read may define zones of its own.
     */
    private static final TimeZoneRegistry WRITING = registry();

    private CalendarFeed() {}

    /**
     * The feed as text: {@code name} is what calendar applications call the subscription, {@code stamp} the moment it
     * was made (DTSTAMP of every event; from the caller's clock, so the same data gives the same text).
     */
    public static String write(String name, List<CalendarEvent> events, Instant stamp) {
        var registry = WRITING;
        var calendar = new Calendar().withProdId(PRODUCT).withDefaults().getFluentTarget();
        calendar.add(new Name(name));
        // the name older Apple and Google calendars read
        calendar.add(new XProperty("X-WR-CALNAME", name));
        var zones = new LinkedHashSet<ZoneId>();
        for (var event : events) {
            zones.add(event.start().getZone());
            zones.add(event.end().getZone());
        }
        // a fixed offset has no rules to describe, and a zone newer than ical4j's data (America/Coyhaique, 2025) has
        // none it knows: such times are written in UTC, the same instants without a TZID
        var described = new LinkedHashSet<ZoneId>();
        for (var zone : zones) {
            var timeZone = zone instanceof ZoneOffset ? null : registry.getTimeZone(zone.getId());
            if (timeZone != null) {
                calendar.add(timeZone.getVTimeZone());
                described.add(zone);
            }
        }
        // ical4j's outputter only logs what breaks the RFC: an event Chorus makes wrong is a bug, so it stops here. The
        // events are what Chorus builds; the zones are ical4j's own data, the same for every calendar, and checking
        // them
        // each time took half the time of writing one.
        var text = new StringWriter();
        try {
            for (var event : events) {
                var vevent = vevent(event, stamp, described);
                var validation = vevent.validate();
                if (validation.hasErrors()) {
                    throw new ValidationException(validation.toString());
                }
                calendar.add(vevent);
            }
            new CalendarOutputter(false).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("Chorus made an invalid calendar: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private static VEvent vevent(CalendarEvent event, Instant stamp, java.util.Set<ZoneId> described) {
        var vevent = new VEvent(false);
        vevent.add(new DtStamp(stamp));
        vevent.add(new Uid(event.uid()));
        if (event.allDay()) {
            vevent.add(new DtStart<>(event.start().toLocalDate()));
            vevent.add(new DtEnd<>(event.end().toLocalDate()));
        } else {
            vevent.add(new DtStart<>(temporal(event.start(), described)));
            vevent.add(new DtEnd<>(temporal(event.end(), described)));
        }
        vevent.add(new Summary(event.summary()));
        vevent.add(new Sequence(event.sequence()));
        vevent.add(new Status(event.cancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        if (event.description() != null && !event.description().isBlank()) {
            vevent.add(new Description(event.description()));
        }
        if (event.location() != null && !event.location().isBlank()) {
            vevent.add(new Location(event.location()));
        }
        if (event.url() != null) {
            vevent.add(new Url(event.url()));
        }
        if (event.lastModified() != null) {
            vevent.add(new LastModified(event.lastModified()));
        }
        return vevent;
    }

    private static Temporal temporal(ZonedDateTime time, java.util.Set<ZoneId> described) {
        return described.contains(time.getZone()) ? time : time.toInstant();
    }

    /**
     * Reads a calendar (strictly: ical4j's relaxed parsing is off), for tests and, later, calendars people import.
     * A file that is not iCalendar is refused with {@link UnreadableCalendar}.
     */
    public static Calendar read(String text) {
        try {
            return new CalendarBuilder(registry()).build(new StringReader(text));
        } catch (ParserException | RuntimeException e) {
            throw new UnreadableCalendar(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The events of a calendar Chorus wrote, as they went in. */
    public static List<CalendarEvent> events(Calendar calendar) {
        var events = new ArrayList<CalendarEvent>();
        for (CalendarComponent component : calendar.getComponents(VEvent.VEVENT)) {
            var event = (VEvent) component;
            var allDay = event.getProperty(Property.DTSTART)
                    .map(p -> ((DtStart<?>) p).getDate() instanceof java.time.LocalDate)
                    .orElse(false);
            var sequence = event.getProperty(Property.SEQUENCE)
                    .map(p -> ((Sequence) p).getSequenceNo())
                    .orElse(0);
            events.add(new CalendarEvent(
                    text(event, Property.UID).orElseThrow(),
                    zoned(event.getProperty(Property.DTSTART)
                            .map(p -> (DtStart<?>) p)
                            .orElseThrow()),
                    zoned(event.getProperty(Property.DTEND)
                            .map(p -> (DtEnd<?>) p)
                            .orElseThrow()),
                    text(event, Property.SUMMARY).orElse(""),
                    text(event, Property.DESCRIPTION).orElse(null),
                    text(event, Property.LOCATION).orElse(null),
                    text(event, Property.URL).map(URI::create).orElse(null),
                    sequence,
                    text(event, Property.STATUS)
                            .filter(Status.VALUE_CANCELLED::equals)
                            .isPresent(),
                    event.getProperty(Property.LAST_MODIFIED)
                            .map(p -> ((LastModified) p).getDate())
                            .orElse(null),
                    allDay));
        }
        return events;
    }

    private static Optional<String> text(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue);
    }

    /** A date-time with its TZID as the zone of that name (ical4j names zones its own way inside). */
    private static ZonedDateTime zoned(net.fortuna.ical4j.model.property.DateProperty<?> property) {
        Temporal date = property.getDate();
        if (date instanceof java.time.LocalDate day) {
            return day.atStartOfDay(ZoneOffset.UTC);
        }
        var instant = Instant.from(date);
        var zone = property.getParameter(net.fortuna.ical4j.model.Parameter.TZID)
                .map(p -> ((TzId) p).getValue())
                .filter(ZoneId.getAvailableZoneIds()::contains)
                .map(ZoneId::of)
                .orElse(date instanceof ZonedDateTime zoned ? zoned.getZone() : ZoneOffset.UTC);
        return instant.atZone(zone);
    }

    private static TimeZoneRegistry registry() {
        return TimeZoneRegistryFactory.getInstance().createRegistry();
    }

    /** A text that is not a calendar ical4j can read. */
    public static final class UnreadableCalendar extends RuntimeException {
        UnreadableCalendar(Exception cause) {
            super("not a readable iCalendar file: " + cause.getMessage(), cause);
        }
    }
}

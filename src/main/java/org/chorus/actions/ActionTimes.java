package org.chorus.actions;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/** How an action's times read: on the clocks of where it happens, naming that zone. */
public final class ActionTimes {

    private ActionTimes() {}

    /** "12 October 2026, 18:00 (Asia/Manila)", in the reader's language. */
    public static String when(ZonedDateTime time, Locale reader) {
        return when(time, whenFormat(reader));
    }

    /** The format of {@link #when(ZonedDateTime, Locale)}, made once for the thousands of points of a map. */
    public static DateTimeFormatter whenFormat(Locale reader) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(reader);
    }

    /** "12 October 2026, 18:00 (Asia/Manila)" in a format of {@link #whenFormat}. */
    public static String when(ZonedDateTime time, DateTimeFormatter format) {
        return format.format(time) + " (" + time.getZone().getId() + ")";
    }

    /** The time of day alone, for an end on the same day: "20:00". */
    public static String time(ZonedDateTime time, Locale reader) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(reader)
                .format(time);
    }

    /** The zone's name for the reader: "Philippine Standard Time". */
    public static String zoneName(ZonedDateTime time, Locale reader) {
        return time.getZone().getDisplayName(TextStyle.FULL, reader);
    }
}

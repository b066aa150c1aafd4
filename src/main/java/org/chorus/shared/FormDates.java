package org.chorus.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Dates and times as forms and filters send them (ISO: {@code 2026-12-31}, {@code 2026-12-31T18:30}), read in one
 * place: a value that is no such date is refused with the field's own message, and a year outside 1900–9999
 * ({@code +999999999-12-31T23:59} parses, then overflows PostgreSQL) with {@code date.out-of-range}, both for the
 * field (422). Blank means none.
 */
public final class FormDates {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 9999;

    private FormDates() {}

    /** The date in the field, or null when blank. */
    public static LocalDate date(String field, String text, String invalidKey) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return inRange(field, LocalDate.parse(text.strip()));
        } catch (DateTimeException unreadable) {
            throw new InvalidField(field, invalidKey);
        }
    }

    /** The date and time in the field (no zone: the form says which), or null when blank. */
    public static LocalDateTime dateTime(String field, String text, String invalidKey) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return inRange(field, LocalDateTime.parse(text.strip()));
        } catch (DateTimeException unreadable) {
            throw new InvalidField(field, invalidKey);
        }
    }

    private static <T extends TemporalAccessor> T inRange(String field, T value) {
        int year = value.get(ChronoField.YEAR);
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidField(field, "date.out-of-range", String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
        }
        return value;
    }
}

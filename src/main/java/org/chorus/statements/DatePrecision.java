package org.chorus.statements;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How much of a statement's date of issue is known: the day, or only the month ("February 2024"), in which case the
 * date is kept as the month's first day. Decision 0017.
 */
public enum DatePrecision {
    DAY,
    MONTH;

    /** The date as a precise one is stored: a month's first day when only the month is known. */
    public LocalDate normalize(LocalDate date) {
        return date == null || this == DAY ? date : date.withDayOfMonth(1);
    }

    /** The date for machines (HTML {@code datetime}, JSON-LD, API): {@code 2024-02-09}, or {@code 2024-02}. */
    public String iso(LocalDate date) {
        return date == null
                ? ""
                : this == DAY ? date.toString() : date.toString().substring(0, 7);
    }

    /** The date for people in their language: "9 February 2024", or "February 2024" (CLDR's month and year). */
    public String format(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        var formatter = this == DAY
                ? DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                : DateTimeFormatter.ofLocalizedPattern("yMMMM");
        return formatter.withLocale(locale).format(date);
    }
}

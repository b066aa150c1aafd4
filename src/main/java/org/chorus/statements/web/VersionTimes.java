package org.chorus.statements.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.chorus.shared.web.Ui;

/** When a version of a statement was saved, as the versions list shows it: date and time, in UTC, said so. */
public final class VersionTimes {

    private VersionTimes() {}

    public static String of(Ui ui, Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                        .withLocale(ui.locale())
                        .withZone(ZoneOffset.UTC)
                        .format(at)
                + " UTC";
    }
}

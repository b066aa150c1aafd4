package org.chorus.shared.calendar;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.chorus.shared.InvalidField;

/**
 * A date and time typed for a place, made an instant in that place's zone. A time the clocks skip (02:30 on the
 * night summer time begins in Europe) does not exist there: it is refused with the field's message rather than
 * moved an hour without the host seeing it (decision 0032). A time that happens twice (01:30 on the night clocks go
 * back in North America) is the first of the two, as people mean it, and keeps its zone.
 */
public final class LocalTimes {

    private LocalTimes() {}

    public static ZonedDateTime inZone(String field, LocalDateTime local, ZoneId zone) {
        var valid = zone.getRules().getValidOffsets(local);
        if (valid.isEmpty()) {
            var transition = zone.getRules().getTransition(local);
            throw new InvalidField(
                    field,
                    "time.skipped-by-clock-change",
                    transition.getDateTimeBefore().toLocalTime().toString(),
                    transition.getDateTimeAfter().toLocalTime().toString());
        }
        return ZonedDateTime.ofLocal(local, zone, valid.getFirst());
    }
}

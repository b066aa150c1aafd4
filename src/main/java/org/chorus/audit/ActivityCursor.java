package org.chorus.audit;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a page of the log ends: the last entry's time and id, written into the "older entries" link as
 * {@code <epoch microseconds>-<id>}. A cursor that does not parse is no cursor (the newest page).
 */
public record ActivityCursor(Instant at, long id) {

    static ActivityCursor after(AuditEntry last) {
        return new ActivityCursor(last.occurredAt(), last.id());
    }

    public String value() {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
        return micros + "-" + id;
    }

    public static Optional<ActivityCursor> parse(@Nullable String value) {
        if (value == null || !value.matches("-?\\d{1,18}-\\d{1,18}")) {
            return Optional.empty();
        }
        int dash = value.indexOf('-', 1);
        long micros = Long.parseLong(value.substring(0, dash));
        long id = Long.parseLong(value.substring(dash + 1));
        try {
            var at =
                    Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
            if (at.isAfter(Instant.parse("9999-12-31T00:00:00Z"))
                    || at.isBefore(Instant.parse("0001-01-01T00:00:00Z"))) {
                return Optional.empty();
            }
            return Optional.of(new ActivityCursor(at, id));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}

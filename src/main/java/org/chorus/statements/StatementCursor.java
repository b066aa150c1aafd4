package org.chorus.statements;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.chorus.shared.web.CursorTokens;

/**
 * A place in a statement list, between two statements: the list's order key (date of issue, moment online, id) of the
 * statement next to it. It travels in links as an opaque, URL-safe token ({@code ?after=…}, {@code ?before=…}), so a
 * deep page is found by an index, not by counting rows, and stays where it was when newer statements arrive (decision
 * 0025).
 */
public record StatementCursor(LocalDate issuedOn, Instant publishedAt, UUID id) {

    private static final byte VERSION = 1;
    private static final int BYTES = 4 + 8 + 16;

    /** The cursor at this statement of a list. */
    static StatementCursor at(Statements.ListRow row) {
        return new StatementCursor(row.issuedOn(), row.publishedAt(), row.id().value());
    }

    /** The token for links: base64url without padding, 39 characters. */
    public String token() {
        return CursorTokens.write(VERSION, BYTES, buffer -> {
            CursorTokens.putDay(buffer, issuedOn);
            buffer.putLong(ChronoUnit.MICROS.between(Instant.EPOCH, publishedAt));
            CursorTokens.putId(buffer, id);
        });
    }

    /** The cursor in a link's token, or null when blank; a token no list gave is refused (400). */
    public static StatementCursor of(String token) {
        return CursorTokens.read(token, VERSION, BYTES, "statements.cursor-invalid", buffer -> {
            var day = CursorTokens.day(buffer);
            var at = Instant.EPOCH.plus(buffer.getLong(), ChronoUnit.MICROS);
            if (at.isBefore(Instant.parse("0001-01-01T00:00:00Z"))
                    || at.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                throw new IllegalArgumentException("a moment out of range");
            }
            return new StatementCursor(day, at, CursorTokens.id(buffer));
        });
    }
}

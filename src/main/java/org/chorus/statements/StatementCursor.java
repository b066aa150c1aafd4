package org.chorus.statements;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.chorus.shared.DomainException;

/**
 * A place in a statement list, between two statements: the list's order key (date of issue, moment online, id) of the
 * statement next to it. It travels in links as an opaque, URL-safe token ({@code ?after=…}, {@code ?before=…}), so a
 * deep page is found by an index, not by counting rows, and stays where it was when newer statements arrive (decision
 * 0025).
 */
public record StatementCursor(LocalDate issuedOn, Instant publishedAt, UUID id) {

    private static final byte VERSION = 1;
    private static final int BYTES = 1 + 4 + 8 + 16;

    /** The cursor at this statement of a list. */
    static StatementCursor at(Statements.ListRow row) {
        return new StatementCursor(row.issuedOn(), row.publishedAt(), row.id().value());
    }

    /** The token for links: base64url without padding, 39 characters. */
    public String token() {
        var bytes = ByteBuffer.allocate(BYTES)
                .put(VERSION)
                .putInt(Math.toIntExact(issuedOn.toEpochDay()))
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, publishedAt))
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The cursor in a link's token, or null when blank; a token no list gave is refused (400). */
    public static StatementCursor of(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            var bytes = Base64.getUrlDecoder().decode(token.strip());
            var buffer = ByteBuffer.wrap(bytes);
            if (bytes.length != BYTES || buffer.get() != VERSION) {
                throw invalid();
            }
            var day = LocalDate.ofEpochDay(buffer.getInt());
            var micros = buffer.getLong();
            var at = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
            if (day.getYear() < 1
                    || day.getYear() > 9999
                    || at.isBefore(Instant.parse("0001-01-01T00:00:00Z"))
                    || at.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                throw invalid();
            }
            return new StatementCursor(day, at, new UUID(buffer.getLong(), buffer.getLong()));
        } catch (IllegalArgumentException
                | BufferUnderflowException
                | ArithmeticException
                | java.time.DateTimeException e) {
            throw invalid();
        }
    }

    private static DomainException invalid() {
        return new DomainException(400, "statements.cursor-invalid");
    }
}

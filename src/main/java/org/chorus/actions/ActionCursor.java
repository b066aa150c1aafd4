package org.chorus.actions;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.chorus.shared.DomainException;

/**
 * A place in a campaign's list of actions, after one of them: its day, country, start and id, the list's order. It
 * travels in links as an opaque, URL-safe token ({@code ?after=…}), so a deep page is found by the index.
 */
public record ActionCursor(LocalDate day, String country, Instant startsAt, UUID id) {

    private static final byte VERSION = 1;
    private static final int BYTES = 1 + 4 + 2 + 8 + 16;

    static ActionCursor at(Action action) {
        var place = action.details().place();
        return new ActionCursor(
                action.details().start().toLocalDate(),
                place == null ? "" : place.country(),
                action.details().start().toInstant(),
                action.id().value());
    }

    /** The token for links: base64url without padding. */
    public String token() {
        var code = (country + "  ").substring(0, 2).getBytes(StandardCharsets.US_ASCII);
        var bytes = ByteBuffer.allocate(BYTES)
                .put(VERSION)
                .putInt(Math.toIntExact(day.toEpochDay()))
                .put(code)
                .putLong(startsAt.toEpochMilli())
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The cursor in a link's token, or null when blank; a token no list gave is refused (400). */
    public static ActionCursor of(String token) {
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
            var code = new byte[2];
            buffer.get(code);
            var country = new String(code, StandardCharsets.US_ASCII).strip();
            if (day.getYear() < 1 || day.getYear() > 9999 || !country.matches("([A-Z]{2})?")) {
                throw invalid();
            }
            return new ActionCursor(
                    day, country, Instant.ofEpochMilli(buffer.getLong()), new UUID(buffer.getLong(), buffer.getLong()));
        } catch (IllegalArgumentException | BufferUnderflowException | DateTimeException e) {
            throw invalid();
        }
    }

    private static DomainException invalid() {
        return new DomainException(400, "action.cursor-invalid");
    }
}

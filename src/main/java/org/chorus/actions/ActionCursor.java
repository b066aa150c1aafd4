package org.chorus.actions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.chorus.shared.web.CursorTokens;

/**
 * A place in a campaign's list of actions, after one of them: its day, country, start and id, the list's order. It
 * travels in links as an opaque, URL-safe token ({@code ?after=…}), so a deep page is found by the index.
 */
public record ActionCursor(LocalDate day, String country, Instant startsAt, UUID id) {

    private static final byte VERSION = 1;
    private static final int BYTES = 4 + 2 + 8 + 16;

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
        return CursorTokens.write(VERSION, BYTES, buffer -> {
            CursorTokens.putDay(buffer, day);
            buffer.put((country + "  ").substring(0, 2).getBytes(StandardCharsets.US_ASCII));
            buffer.putLong(startsAt.toEpochMilli());
            CursorTokens.putId(buffer, id);
        });
    }

    /** The cursor in a link's token, or null when blank; a token no list gave is refused (400). */
    public static ActionCursor of(String token) {
        return CursorTokens.read(token, VERSION, BYTES, "action.cursor-invalid", buffer -> {
            var day = CursorTokens.day(buffer);
            var code = new byte[2];
            buffer.get(code);
            var country = new String(code, StandardCharsets.US_ASCII).strip();
            if (!country.matches("([A-Z]{2})?")) {
                throw new IllegalArgumentException("not a country code");
            }
            return new ActionCursor(day, country, Instant.ofEpochMilli(buffer.getLong()), CursorTokens.id(buffer));
        });
    }
}

package org.chorus.actions;

import java.time.Instant;
import java.util.UUID;
import org.chorus.shared.web.CursorTokens;

/**
 * A place in the moderation queue, after one waiting action: when it arrived and its id, the queue's order (oldest
 * first). It travels in the queue's "next" link as an opaque token ({@code ?after=…}), so each page is read from the
 * index, never by skipping rows.
 */
public record QueueCursor(Instant createdAt, UUID id) {

    private static final byte VERSION = 1;
    private static final int BYTES = 8 + 16;

    static QueueCursor at(Action action) {
        return new QueueCursor(action.createdAt(), action.id().value());
    }

    /** The token for links: base64url without padding. */
    public String token() {
        return CursorTokens.write(VERSION, BYTES, buffer -> {
            buffer.putLong(createdAt.getEpochSecond() * 1_000_000 + createdAt.getNano() / 1_000);
            CursorTokens.putId(buffer, id);
        });
    }

    /** The cursor in a link's token, or null when blank; a token no queue gave is refused (400). */
    public static QueueCursor of(String token) {
        return CursorTokens.read(token, VERSION, BYTES, "action.cursor-invalid", buffer -> {
            var micros = buffer.getLong();
            return new QueueCursor(
                    Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L),
                    CursorTokens.id(buffer));
        });
    }
}

package org.chorus.shared.web;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.chorus.shared.DomainException;

/**
 * The envelope of a list's cursor token (decision 0025): a version byte, then the fields of the list's order key, as
 * base64url without padding, so a link carries an opaque, URL-safe place in a list. Each list writes and reads its own
 * fields; this says what a token is and refuses one no list gave with that list's message (400), whatever is wrong
 * with it (not base64, another length or version, a field out of range).
 */
public final class CursorTokens {

    private CursorTokens() {}

    /** The token of fields that {@code write} puts in {@code length} bytes after the version. */
    public static String write(byte version, int length, Consumer<ByteBuffer> write) {
        var buffer = ByteBuffer.allocate(1 + length).put(version);
        write.accept(buffer);
        if (buffer.hasRemaining()) {
            throw new IllegalStateException("a cursor wrote " + buffer.position() + " of " + (1 + length) + " bytes");
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /**
     * The cursor a token holds, read by {@code read} from its {@code length} bytes after the version, or null when the
     * token is blank; a token of another length or version, or whose fields {@code read} refuses (any
     * {@link IllegalArgumentException}, {@link DateTimeException} or {@link ArithmeticException}), is a
     * {@code DomainException} (400) with {@code invalidKey}.
     */
    public static <T> T read(String token, byte version, int length, String invalidKey, Function<ByteBuffer, T> read) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            var buffer = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token.strip()));
            if (buffer.remaining() != 1 + length || buffer.get() != version) {
                throw new IllegalArgumentException("another length or version");
            }
            return read.apply(buffer);
        } catch (IllegalArgumentException | BufferUnderflowException | ArithmeticException | DateTimeException e) {
            throw new DomainException(400, invalidKey);
        }
    }

    /** Writes a day as its epoch day (4 bytes). */
    public static void putDay(ByteBuffer buffer, LocalDate day) {
        buffer.putInt(Math.toIntExact(day.toEpochDay()));
    }

    /** Reads a day written by {@link #putDay}; one outside the years 1–9999 is refused. */
    public static LocalDate day(ByteBuffer buffer) {
        var day = LocalDate.ofEpochDay(buffer.getInt());
        if (day.getYear() < 1 || day.getYear() > 9999) {
            throw new IllegalArgumentException("a day out of range");
        }
        return day;
    }

    /** Writes an id (16 bytes). */
    public static void putId(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    /** Reads an id written by {@link #putId}. */
    public static UUID id(ByteBuffer buffer) {
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}

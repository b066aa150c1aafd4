package org.chorus.signons;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.chorus.shared.DomainException;

/**
 * A place in a sign-on list, after the sign-on next to it, as an opaque URL-safe token ({@code ?after=…}): for
 * organizations their order key (country, name folded to lower case, id), for people theirs (when they signed, id). A
 * page deep in a long list is found by an index, and stays where it was while people sign (decision 0025's keyset
 * lists, applied to sign-ons).
 */
public record SignOnCursor(char list, String country, String name, Instant signedAt, UUID id) {

    private static final byte VERSION = 1;
    private static final int MAX_BYTES = 4_096;

    static SignOnCursor organization(String country, String sortName, UUID id) {
        return new SignOnCursor('O', country, sortName, null, id);
    }

    static SignOnCursor person(Instant signedAt, UUID id) {
        return new SignOnCursor('P', null, null, signedAt, id);
    }

    public String token() {
        var buffer = ByteBuffer.allocate(MAX_BYTES * 2).put(VERSION).put((byte) list);
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        if (list == 'O') {
            buffer.put(country.getBytes(StandardCharsets.US_ASCII));
            buffer.put(name.getBytes(StandardCharsets.UTF_8));
        } else {
            buffer.putLong(ChronoUnit.MICROS.between(Instant.EPOCH, signedAt));
        }
        var bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The cursor of a link to the list of {@code list} ('O' organizations, 'P' people), null when blank; else 400. */
    static SignOnCursor of(String token, char list) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            var bytes = Base64.getUrlDecoder().decode(token.strip());
            if (bytes.length > MAX_BYTES) {
                throw invalid();
            }
            var buffer = ByteBuffer.wrap(bytes);
            if (buffer.get() != VERSION || buffer.get() != (byte) list) {
                throw invalid();
            }
            var id = new UUID(buffer.getLong(), buffer.getLong());
            if (list == 'O') {
                var code = new byte[2];
                buffer.get(code);
                var country = new String(code, StandardCharsets.US_ASCII);
                if (!country.matches("[A-Z]{2}")) {
                    throw invalid();
                }
                var name = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(buffer)
                        .toString();
                if (name.indexOf('\0') >= 0) {
                    throw invalid();
                }
                return organization(country, name, id);
            }
            var micros = buffer.getLong();
            if (buffer.hasRemaining()) {
                throw invalid();
            }
            var at = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
            if (at.isBefore(Instant.parse("0001-01-01T00:00:00Z"))
                    || at.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                throw invalid();
            }
            return person(at, id);
        } catch (IllegalArgumentException
                | BufferUnderflowException
                | ArithmeticException
                | CharacterCodingException
                | java.time.DateTimeException e) {
            throw invalid();
        }
    }

    private static DomainException invalid() {
        return new DomainException(400, "signons.cursor-invalid");
    }
}

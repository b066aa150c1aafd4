package org.chorus.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.chorus.shared.DomainException;
import org.junit.jupiter.api.Test;

class CursorTokensTest {

    private static final byte VERSION = 1;
    private static final int LENGTH = 4 + 16;

    record Place(LocalDate day, UUID id) {}

    private static String token(Place place) {
        return CursorTokens.write(VERSION, LENGTH, buffer -> {
            CursorTokens.putDay(buffer, place.day());
            CursorTokens.putId(buffer, place.id());
        });
    }

    private static Place read(String token) {
        return CursorTokens.read(
                token,
                VERSION,
                LENGTH,
                "lists.cursor-invalid",
                b -> new Place(CursorTokens.day(b), CursorTokens.id(b)));
    }

    @Test
    void a_place_written_as_a_token_reads_back_the_same_and_a_blank_token_is_no_place() {
        var place = new Place(LocalDate.of(2026, 10, 12), UUID.randomUUID());
        var token = token(place);

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(read(token)).isEqualTo(place);
        assertThat(read(" " + token + "\n")).isEqualTo(place);
        assertThat(read(null)).isNull();
        assertThat(read("  ")).isNull();
    }

    @Test
    void a_token_no_list_gave_is_refused_with_the_lists_message() {
        var place = new Place(LocalDate.of(2026, 10, 12), UUID.randomUUID());
        var bytes = Base64.getUrlDecoder().decode(token(place));
        var otherVersion = bytes.clone();
        otherVersion[0] = 2;
        var farDay = ByteBuffer.allocate(1 + LENGTH)
                .put(VERSION)
                .putInt(Math.toIntExact(LocalDate.of(12000, 1, 1).toEpochDay()))
                .putLong(1)
                .putLong(2)
                .array();
        var encoder = Base64.getUrlEncoder().withoutPadding();
        for (var broken : java.util.List.of(
                "not base64!",
                encoder.encodeToString(otherVersion),
                encoder.encodeToString(java.util.Arrays.copyOf(bytes, bytes.length - 1)),
                encoder.encodeToString(java.util.Arrays.copyOf(bytes, bytes.length + 1)),
                encoder.encodeToString(farDay))) {
            assertThatThrownBy(() -> read(broken)).as(broken).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.messageKey()).isEqualTo("lists.cursor-invalid");
            });
        }
    }

    @Test
    void a_list_that_writes_fewer_bytes_than_it_declares_is_a_mistake_found_at_once() {
        assertThatThrownBy(() -> CursorTokens.write(VERSION, LENGTH, buffer -> buffer.putInt(1)))
                .isInstanceOf(IllegalStateException.class);
    }
}

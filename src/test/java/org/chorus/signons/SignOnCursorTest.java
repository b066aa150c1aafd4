package org.chorus.signons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.chorus.shared.DomainException;
import org.junit.jupiter.api.Test;

class SignOnCursorTest {

    @Test
    void a_cursor_travels_in_a_link_and_comes_back_the_same() {
        var organization = SignOnCursor.organization("CI", "amis de la forêt, côte d’ivoire", UUID.randomUUID());
        assertThat(SignOnCursor.of(organization.token(), 'O')).isEqualTo(organization);
        assertThat(organization.token()).matches("[A-Za-z0-9_-]+");
        var person = SignOnCursor.person(Instant.parse("2026-12-03T02:00:00.123456Z"), UUID.randomUUID());
        assertThat(SignOnCursor.of(person.token(), 'P')).isEqualTo(person);
        assertThat(SignOnCursor.of(" ", 'P')).isNull();
    }

    @Test
    void a_damaged_token_or_one_of_the_other_list_is_refused_with_a_400() {
        var organization =
                SignOnCursor.organization("KE", "x", UUID.randomUUID()).token();
        var person = SignOnCursor.person(Instant.EPOCH, UUID.randomUUID()).token();
        var invalidUtf8 = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {
            1, 'O', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'K', 'E', (byte) 0xC3
        });
        for (var broken : new String[] {"not base64!", "AAAA", person.substring(0, 10), invalidUtf8, person + "AA"}) {
            assertThatThrownBy(() -> SignOnCursor.of(broken, broken == invalidUtf8 ? 'O' : 'P'))
                    .isInstanceOf(DomainException.class)
                    .hasMessageContaining("signons.cursor-invalid");
        }
        assertThatThrownBy(() -> SignOnCursor.of(organization, 'P')).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> SignOnCursor.of(person, 'O')).isInstanceOf(DomainException.class);
    }
}

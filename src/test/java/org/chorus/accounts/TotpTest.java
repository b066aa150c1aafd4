package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** The SHA-1 seed of RFC 6238, appendix B. */
    static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void codes_match_the_test_vectors_of_rfc_6238(long seconds, String expected) {
        var step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code(RFC_SEED, step, 8)).isEqualTo(expected);
        assertThat(Totp.code(RFC_SEED, step, 6))
                .as("six digits are the last six of the eight")
                .isEqualTo(expected.substring(2));
    }

    @Test
    void a_code_is_accepted_for_its_step_and_one_step_either_side_but_not_two() {
        var now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);
        for (long drift = -1; drift <= 1; drift++) {
            var code = Totp.code(RFC_SEED, step + drift, 6);
            assertThat(Totp.accept(RFC_SEED, code, now, 0)).hasValue(step + drift);
        }
        assertThat(Totp.accept(RFC_SEED, Totp.code(RFC_SEED, step - 2, 6), now, 0))
                .isEmpty();
        assertThat(Totp.accept(RFC_SEED, Totp.code(RFC_SEED, step + 2, 6), now, 0))
                .isEmpty();
    }

    @Test
    void a_code_of_a_step_already_accepted_is_refused() {
        var now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);
        var code = Totp.code(RFC_SEED, step, 6);
        assertThat(Totp.accept(RFC_SEED, code, now, step)).isEmpty();
        assertThat(Totp.accept(RFC_SEED, Totp.code(RFC_SEED, step - 1, 6), now, step))
                .isEmpty();
        assertThat(Totp.accept(RFC_SEED, Totp.code(RFC_SEED, step + 1, 6), now, step))
                .hasValue(step + 1);
    }

    @Test
    void spaces_a_person_types_between_digits_do_not_matter_but_anything_else_is_refused() {
        var now = Instant.ofEpochSecond(59);
        var code = Totp.code(RFC_SEED, Totp.step(now), 6);
        assertThat(Totp.accept(RFC_SEED, code.substring(0, 3) + " " + code.substring(3), now, 0))
                .isPresent();
        assertThat(Totp.accept(RFC_SEED, "", now, 0)).isEmpty();
        assertThat(Totp.accept(RFC_SEED, null, now, 0)).isEmpty();
        assertThat(Totp.accept(RFC_SEED, "12345a", now, 0)).isEmpty();
        assertThat(Totp.accept(RFC_SEED, code + "0", now, 0)).isEmpty();
    }

    @Test
    void the_secret_is_given_in_base32_and_as_an_otpauth_uri() {
        assertThat(Totp.base32(RFC_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(TotpSecrets.Base32.decode(Totp.base32(RFC_SEED))).isEqualTo(RFC_SEED);
        assertThat(Totp.uri("Chorus", "nour@example.org", RFC_SEED))
                .isEqualTo("otpauth://totp/Chorus:nour%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Chorus&algorithm=SHA1&digits=6&period=30");
        assertThat(Totp.newSecret()).hasSize(20).isNotEqualTo(Totp.newSecret());
    }
}

package org.chorus.letters;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.chorus.shared.DomainException;
import org.junit.jupiter.api.Test;

class LetterRateLimitsTest {

    @Test
    void an_official_gets_so_many_letters_an_hour_and_a_refused_letter_takes_nothing_from_the_others() {
        var limits = new LetterRateLimits();
        var busy = TargetId.random();
        var other = TargetId.random();
        for (int i = 0; i < LetterRateLimits.PER_TARGET; i++) {
            limits.takeTargets(List.of(busy));
        }
        for (int i = 0; i < LetterRateLimits.PER_TARGET - 1; i++) {
            assertThatThrownBy(() -> limits.takeTargets(List.of(other, busy)))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(429);
                        org.assertj.core.api.Assertions.assertThat(e.messageKey())
                                .isEqualTo("letter.target-busy");
                    });
        }
        assertThatCode(() -> {
                    for (int i = 0; i < LetterRateLimits.PER_TARGET; i++) {
                        limits.takeTargets(List.of(other));
                    }
                })
                .as("the refused letters gave back what they took from the other official")
                .doesNotThrowAnyException();
    }

    @Test
    void a_network_sends_so_many_forms_an_hour() {
        var limits = new LetterRateLimits();
        for (int i = 0; i < LetterRateLimits.PER_NETWORK; i++) {
            limits.takeNetwork("n1");
        }
        assertThatThrownBy(() -> limits.takeNetwork("n1"))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.messageKey())
                                .isEqualTo("letter.rate-limited"));
        assertThatCode(() -> limits.takeNetwork("n2")).doesNotThrowAnyException();
    }
}

package org.chorus.letters;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chorus.shared.DomainException;
import org.junit.jupiter.api.Test;

class LetterRateLimitsTest {

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

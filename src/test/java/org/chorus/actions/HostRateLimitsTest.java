package org.chorus.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chorus.shared.DomainException;
import org.junit.jupiter.api.Test;

/** How many forms of hosts without an account one network and one address may send an hour. */
class HostRateLimitsTest {

    @Test
    void a_network_sends_ten_forms_an_hour_and_the_eleventh_is_told_how_long_to_wait() {
        var limits = new HostRateLimits();
        for (int i = 0; i < HostRateLimits.PER_NETWORK; i++) {
            limits.takeNetwork("one network");
        }
        assertThatThrownBy(() -> limits.takeNetwork("one network")).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.messageKey()).isEqualTo("action.rate-limited");
            assertThat((Long) e.arguments()[0]).isPositive();
        });
        limits.takeNetwork("another network");
    }

    @Test
    void an_address_gets_at_most_three_confirmation_letters_an_hour() {
        var limits = new HostRateLimits();
        for (int i = 0; i < HostRateLimits.PER_EMAIL; i++) {
            limits.takeEmail("ab12");
        }
        assertThatThrownBy(() -> limits.takeEmail("ab12")).isInstanceOf(DomainException.class);
        limits.takeEmail("cd34");
    }
}

package org.chorus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    final RateLimits limits = new RateLimits(Duration.ofHours(1), 100);

    @Test
    void a_key_past_its_allowance_waits_for_the_window_to_refill() {
        for (int i = 0; i < 3; i++) {
            assertThat(limits.take("owner@example.org", 3)).isZero();
        }
        assertThat(limits.take("owner@example.org", 3)).isBetween(1L, 3600L);
    }

    @Test
    void a_flood_of_made_up_keys_does_not_give_a_blocked_key_a_fresh_allowance() {
        for (int i = 0; i < 3; i++) {
            limits.take("victim@example.org", 3);
        }
        for (int i = 0; i < 1_000; i++) {
            limits.take("made-up-" + i + "@example.org", 3);
        }
        assertThat(limits.take("victim@example.org", 3)).isPositive();
        assertThat(limits.tracked()).isLessThanOrEqualTo(100);
    }

    @Test
    void when_every_tracked_key_is_blocked_new_keys_are_refused_rather_than_forgetting_them() {
        for (int i = 0; i < 400; i++) {
            limits.take("blocked-" + i, 1);
            limits.take("blocked-" + i, 1);
        }
        assertThat(limits.take("blocked-0", 1)).isPositive();
        assertThat(limits.tracked()).isLessThanOrEqualTo(400);
    }
}

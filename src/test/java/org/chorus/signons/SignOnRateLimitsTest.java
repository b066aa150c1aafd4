package org.chorus.signons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chorus.shared.DomainException;
import org.chorus.statements.StatementId;
import org.junit.jupiter.api.Test;

class SignOnRateLimitsTest {

    @Test
    void a_network_past_its_allowance_is_told_to_wait_and_others_are_not() {
        var limits = new SignOnRateLimits(new SignOnLimits(2, 3, 600, 1000, 3));
        var statement = StatementId.random();
        limits.take("net-a", statement);
        limits.take("net-a", statement);
        assertThatThrownBy(() -> limits.take("net-a", statement)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.messageKey()).isEqualTo("signons.rate-limited");
            assertThat((Long) e.arguments()[0]).isPositive();
        });
        limits.take("net-b", statement);
    }

    @Test
    void a_statement_takes_at_most_its_ceiling_per_minute_from_all_networks() {
        var limits = new SignOnRateLimits(new SignOnLimits(100, 3, 600, 2, 3));
        var statement = StatementId.random();
        limits.take("net-1", statement);
        limits.take("net-2", statement);
        assertThatThrownBy(() -> limits.take("net-3", statement)).isInstanceOf(DomainException.class);
        limits.take("net-3", StatementId.random());
    }

    @Test
    void one_address_causes_at_most_its_allowance_of_letters() {
        var limits = new SignOnRateLimits(new SignOnLimits(100, 1, 600, 1000, 3));
        limits.takeEmail("abc");
        assertThatThrownBy(() -> limits.takeEmail("abc")).isInstanceOf(DomainException.class);
        limits.takeEmail("def");
    }
}

package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;

class CommonPasswordsTest {

    private final CommonPasswords common = new CommonPasswords();

    @Test
    void the_bundled_list_holds_the_common_passwords_long_enough_to_pass_the_length_rule() {
        assertThat(common.size()).isEqualTo(112_130);
        assertThat(common.contains("password123")).isTrue();
        assertThat(common.contains("1234567890")).isTrue();
        assertThat(common.contains("qwertyuiop")).isTrue();
    }

    @Test
    void a_password_is_compared_whatever_its_case() {
        assertThat(common.contains("PassWord123")).isTrue();
        assertThat(common.contains("QWERTYUIOP")).isTrue();
    }

    @Test
    void an_uncommon_password_passes() {
        assertThat(common.contains(Fixtures.PASSWORD)).isFalse();
        assertThat(common.contains("a brand new secret")).isFalse();
        assertThat(common.contains(null)).isFalse();
    }
}

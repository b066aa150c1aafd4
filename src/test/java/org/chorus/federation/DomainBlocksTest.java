package org.chorus.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chorus.shared.DomainException;
import org.junit.jupiter.api.Test;

/** A domain to block is kept the one way it is matched, however it was typed; anything else is refused. */
class DomainBlocksTest {

    @Test
    void a_domain_is_kept_in_lower_case_ascii_without_scheme_path_port_or_account() {
        assertThat(DomainBlocks.domain("  Social.Example ")).isEqualTo("social.example");
        assertThat(DomainBlocks.domain("https://social.example/users/ana")).isEqualTo("social.example");
        assertThat(DomainBlocks.domain("@ana@social.example")).isEqualTo("social.example");
        assertThat(DomainBlocks.domain("social.example:8443")).isEqualTo("social.example");
        assertThat(DomainBlocks.domain("social.example.")).isEqualTo("social.example");
        assertThat(DomainBlocks.domain("bücher.example")).isEqualTo("xn--bcher-kva.example");
    }

    @Test
    void what_is_not_a_domain_name_is_refused_with_422() {
        for (var typed : new String[] {"", "not a domain", "-bad.example", "a..b", "x".repeat(64) + ".example"}) {
            assertThatThrownBy(() -> DomainBlocks.domain(typed))
                    .as(typed)
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.messageKey()).isEqualTo("federation.domain-invalid");
                    });
        }
    }

    @Test
    void a_host_is_read_from_an_address() {
        assertThat(DomainBlocks.host("https://Social.Example/users/ana")).isEqualTo("social.example");
        assertThat(DomainBlocks.host("not an address")).isEmpty();
        assertThat(DomainBlocks.host(null)).isEmpty();
    }
}

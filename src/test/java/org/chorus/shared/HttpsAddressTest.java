package org.chorus.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpsAddressTest {

    @Test
    void an_https_address_with_a_host_is_kept_as_parsed() {
        assertThat(HttpsAddress.check("online", "https://meet.example.org/room?id=7", "key"))
                .isEqualTo("https://meet.example.org/room?id=7");
        assertThat(HttpsAddress.check("online", "HTTPS://gov.example/contact", "key"))
                .isEqualTo("HTTPS://gov.example/contact");
    }

    @Test
    void other_schemes_no_host_a_user_name_or_an_unreadable_address_are_refused_for_the_field() {
        for (var typed : new String[] {
            "http://meet.example.org",
            "javascript:alert(1)",
            "https:///path-only",
            "https://bank.example@evil.example/",
            "https://exa mple.org",
            "meet.example.org"
        }) {
            assertThatThrownBy(() -> HttpsAddress.check("webForm", typed, "letter.target.web-form-https"))
                    .as(typed)
                    .isInstanceOfSatisfying(InvalidField.class, e -> {
                        assertThat(e.field()).isEqualTo("webForm");
                        assertThat(e.messageKey()).isEqualTo("letter.target.web-form-https");
                    });
        }
    }
}

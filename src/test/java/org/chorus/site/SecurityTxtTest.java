package org.chorus.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class SecurityTxtTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Test
    void security_txt_names_the_operators_contact_an_expiry_under_a_year_and_its_canonical_address() throws Exception {
        var body = mvc.perform(get("/.well-known/security.txt"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/plain;charset=UTF-8"))
                .andExpect(
                        content().string(org.hamcrest.Matchers.containsString("Contact: mailto:security@localhost\n")))
                .andExpect(
                        content().string(org.hamcrest.Matchers.containsString("Preferred-Languages: en, fr, es, ar\n")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "Canonical: http://localhost/.well-known/security.txt\n")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var expires = body.lines()
                .filter(l -> l.startsWith("Expires: "))
                .map(l -> Instant.from(DateTimeFormatter.ISO_INSTANT.parse(l.substring("Expires: ".length()))))
                .findFirst()
                .orElseThrow();
        assertThat(expires).isAfter(clock.instant()).isBefore(clock.instant().plus(java.time.Duration.ofDays(365)));
    }

    @Test
    void without_a_contact_there_is_no_security_txt_and_a_contact_must_be_an_address_people_can_use() {
        assertThat(new SecurityContact(List.of(" ", ""), " ").configured()).isFalse();
        assertThatThrownBy(() -> new SecurityContact(List.of("security@example.org"), null))
                .hasMessageContaining("mailto:");
    }
}

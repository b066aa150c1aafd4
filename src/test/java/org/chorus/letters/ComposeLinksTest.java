package org.chorus.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComposeLinksTest {

    static final String BODY = "Dear Minister,\n\nCancel the debt & pay 100% — now?\nقرار #1";

    @Test
    void the_mailto_link_follows_rfc_6068_with_utf8_percent_encoding_and_crlf_line_breaks() {
        var links =
                ComposeLinks.of(List.of("minister@treasury.example", "speaker@parliament.example"), "Act = now", BODY);
        assertThat(links.mailto())
                .startsWith("mailto:minister@treasury.example,speaker@parliament.example?subject=Act%20%3D%20now&body=")
                .contains("Dear%20Minister%2C%0D%0A%0D%0ACancel%20the%20debt%20%26%20pay%20100%25%20%E2%80%94%20now%3F")
                .doesNotContain(" ", "+", "\n", "#");
        var body = links.mailto().substring(links.mailto().indexOf("&body=") + 6);
        assertThat(URLDecoder.decode(body, StandardCharsets.UTF_8)).isEqualTo(BODY.replace("\n", "\r\n"));
        assertThat(URI.create(links.mailto()).getScheme()).isEqualTo("mailto");
    }

    @Test
    void the_gmail_and_outlook_links_carry_the_same_letter_in_their_query() {
        var links = ComposeLinks.of(List.of("a@gov.example", "b@gov.example"), "Subject & more", BODY);
        var gmail = URI.create(links.gmail());
        assertThat(gmail.getHost()).isEqualTo("mail.google.com");
        assertThat(gmail.getQuery()).contains("view=cm", "to=a@gov.example,b@gov.example", "su=Subject & more");
        assertThat(gmail.getQuery()).contains("body=" + BODY);
        var outlook = URI.create(links.outlook());
        assertThat(outlook.getScheme()).isEqualTo("https");
        assertThat(outlook.getHost()).isEqualTo("outlook.live.com");
        assertThat(outlook.getQuery())
                .contains("to=a@gov.example,b@gov.example", "subject=Subject & more", "body=" + BODY);
    }

    @Test
    void an_address_cannot_add_fields_to_the_link() {
        var links = ComposeLinks.of(List.of("x@gov.example?bcc=spy@evil.example"), "S", "B");
        assertThat(links.mailto()).startsWith("mailto:x@gov.example%3Fbcc%3Dspy@evil.example?subject=S&body=B");
    }
}

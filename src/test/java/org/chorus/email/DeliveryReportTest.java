package org.chorus.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Delivery status notifications as Postfix, Exim and Gmail send them, and broken ones. */
class DeliveryReportTest {

    static final String RECIPIENT = "gone@example.org";
    static final String MESSAGE_ID = "<0f1e2d3c4b5a69788796a5b4c3d2e1f0@chorus.example>";

    /** A fixture from src/test/resources/fixtures/dsn with its placeholders filled in. */
    static MimeMessage fixture(String name, String recipient, String messageId) {
        try (var in = DeliveryReportTest.class.getResourceAsStream("/fixtures/dsn/" + name)) {
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{RECIPIENT}}", recipient)
                    .replace("{{MESSAGE_ID}}", messageId);
            return new MimeMessage(
                    Session.getInstance(new Properties()),
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static DeliveryReport report(String name) throws Exception {
        return DeliveryReport.parse(fixture(name, RECIPIENT, MESSAGE_ID)).orElseThrow();
    }

    @Test
    void a_postfix_bounce_is_a_hard_failure_of_the_attached_message() throws Exception {
        var report = report("postfix-hard.eml");
        assertThat(report.originalMessageId()).isEqualTo(MESSAGE_ID);
        assertThat(report.recipients())
                .containsExactly(new DeliveryReport.Recipient(RECIPIENT, RECIPIENT, "failed", "5.1.1"));
        assertThat(report.hard()).isTrue();
    }

    @Test
    void an_exim_bounce_puts_action_before_the_recipient_and_is_hard_as_well() throws Exception {
        var report = report("exim-hard.eml");
        assertThat(report.originalMessageId()).isEqualTo(MESSAGE_ID);
        assertThat(report.recipients())
                .containsExactly(new DeliveryReport.Recipient(RECIPIENT, null, "failed", "5.0.0"));
        assertThat(report.hard()).isTrue();
    }

    @Test
    void a_gmail_bounce_nests_its_text_and_sends_only_the_headers_of_the_message() throws Exception {
        var report = report("gmail-hard.eml");
        assertThat(report.originalMessageId()).isEqualTo(MESSAGE_ID);
        assertThat(report.recipients()).singleElement().satisfies(r -> {
            assertThat(r.finalRecipient()).isEqualTo(RECIPIENT);
            assertThat(r.status()).isEqualTo("5.1.1");
            assertThat(r.hard()).isTrue();
        });
    }

    @Test
    void a_delay_warning_is_soft() throws Exception {
        var report = report("postfix-delayed.eml");
        assertThat(report.originalMessageId()).isEqualTo(MESSAGE_ID);
        assertThat(report.recipients()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("delayed");
            assertThat(r.status()).isEqualTo("4.4.1");
            assertThat(r.hard()).isFalse();
        });
        assertThat(report.hard()).isFalse();
    }

    @Test
    void an_out_of_office_reply_is_no_report() throws Exception {
        assertThat(DeliveryReport.parse(fixture("not-a-report.eml", RECIPIENT, MESSAGE_ID)))
                .isEmpty();
    }

    @Test
    void broken_reports_yield_nothing_to_act_on_or_an_exception_the_mailbox_catches() throws Exception {
        var fields = report("malformed-fields.eml");
        assertThat(fields.originalMessageId()).isNull();
        assertThat(fields.hard()).as("no valid status code, no address").isFalse();
        assertThat(fields.recipients())
                .allSatisfy(r -> assertThat(r.finalRecipient()).isNull());
        assertThatThrownBy(() -> DeliveryReport.parse(fixture("malformed-structure.eml", RECIPIENT, MESSAGE_ID)))
                .isInstanceOf(MessagingException.class);
    }

    @Test
    void recipient_and_status_fields_are_read_strictly() {
        assertThat(DeliveryReport.address("rfc822; <Ada@Example.org>")).isEqualTo("Ada@Example.org");
        assertThat(DeliveryReport.address("RFC822;ada@example.org")).isEqualTo("ada@example.org");
        assertThat(DeliveryReport.address("x400; /G=ada/S=lovelace/")).isNull();
        assertThat(DeliveryReport.address("rfc822;")).isNull();
        assertThat(DeliveryReport.status("5.7.1 (delivery not authorized)")).isEqualTo("5.7.1");
        assertThat(DeliveryReport.status("550")).isNull();
        assertThat(DeliveryReport.status("five")).isNull();
    }
}

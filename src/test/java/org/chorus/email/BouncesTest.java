package org.chorus.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chorus.support.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.chorus.email.api.BounceWebhookAccess;
import org.chorus.shared.i18n.Language;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.TestMail;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class BouncesTest {

    @Autowired
    Mail mail;

    @Autowired
    RecordingBounces bounces;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** A subscribed letter of a sending (batch), delivered to GreenMail; returns the Message-ID it arrived with. */
    String sendSubscribed(String to, String batch) throws Exception {
        var before = TestMail.to(to).size();
        mail.send(
                new Letter(
                        "test.news",
                        Language.ENGLISH,
                        "News",
                        List.of(new LetterBlock.Paragraph("Something happened.")),
                        "You follow this coalition.",
                        batch),
                new Addressee(
                        to,
                        null,
                        batch + ":" + to,
                        new Addressee.Subscription(
                                "https://chorus.example/unsubscribe/x", "https://chorus.example/prefs/x", "l:" + to)));
        var message = TestMail.await(to, before + 1).getLast();
        eventually("the sending counts the letter")
                .until(() -> mail.progress(batch).sent() == 1);
        return message.getMessageID();
    }

    /** A mailbox on GreenMail's IMAP server, and the poller pointed at it. */
    record Mailbox(GreenMailUser user, BounceMailbox poller) {
        void deliver(MimeMessage message) {
            user.deliver(message);
        }
    }

    Mailbox mailbox() {
        var login = "bounces-" + UUID.randomUUID().toString().substring(0, 8);
        var user = TestMail.server().setUser(login + "@chorus.example", login, "secret");
        var settings = new MailSettings.Bounces(
                "127.0.0.1", TestMail.server().getImap().getPort(), false, login, "secret", "INBOX", "");
        return new Mailbox(user, new BounceMailbox(settings, bounces));
    }

    @Test
    void a_hard_bounce_read_over_imap_suppresses_the_address_and_counts_the_message_as_bounced() throws Exception {
        var to = unique("gone");
        var batch = "news-" + to;
        var messageId = sendSubscribed(to, batch);
        var mailbox = mailbox();
        mailbox.deliver(DeliveryReportTest.fixture("postfix-hard.eml", to, messageId));

        assertThat(mailbox.poller().poll()).isEqualTo(1);
        assertThat(mail.isSuppressed(to)).isTrue();
        assertThat(mail.progress(batch).bounced()).isEqualTo(1);
        assertThat(mail.progress(batch).sent()).isZero();
        assertThat(mailbox.poller().poll()).as("read messages are marked seen").isZero();
        var stored = TestMail.server().getUserManager().getUser(mailbox.user().getLogin());
        assertThat(TestMail.server()
                        .getManagers()
                        .getImapHostManager()
                        .getInbox(stored)
                        .getMessages()
                        .getFirst()
                        .isSet(Flags.Flag.SEEN))
                .isTrue();

        var later = "later-" + to;
        mail.send(
                new Letter(
                        "test.news",
                        Language.ENGLISH,
                        "More news",
                        List.of(new LetterBlock.Paragraph("Again.")),
                        "You follow this coalition.",
                        later),
                new Addressee(
                        to,
                        null,
                        later + ":" + to,
                        new Addressee.Subscription(
                                "https://chorus.example/unsubscribe/x", "https://chorus.example/prefs/x", "l:" + to)));
        eventually("the later letter counts as suppressed")
                .until(() -> mail.progress(later).suppressed() == 1);
        assertThat(TestMail.to(to)).as("nothing more reached the address").hasSize(1);
    }

    @Test
    void exim_and_gmail_bounces_are_understood_too() throws Exception {
        var mailbox = mailbox();
        var exim = unique("exim");
        var gmail = unique("gmail");
        mailbox.deliver(DeliveryReportTest.fixture("exim-hard.eml", exim, sendSubscribed(exim, "b-" + exim)));
        mailbox.deliver(DeliveryReportTest.fixture("gmail-hard.eml", gmail, sendSubscribed(gmail, "b-" + gmail)));
        assertThat(mailbox.poller().poll()).isEqualTo(2);
        assertThat(mail.isSuppressed(exim)).isTrue();
        assertThat(mail.isSuppressed(gmail)).isTrue();
        assertThat(mail.progress("b-" + gmail).bounced()).isEqualTo(1);
    }

    @Test
    void a_delay_warning_suppresses_nothing() throws Exception {
        var to = unique("slow");
        var messageId = sendSubscribed(to, "b-" + to);
        var mailbox = mailbox();
        mailbox.deliver(DeliveryReportTest.fixture("postfix-delayed.eml", to, messageId));
        assertThat(mailbox.poller().poll()).isEqualTo(1);
        assertThat(mail.isSuppressed(to)).isFalse();
        assertThat(mail.progress("b-" + to).sent()).isEqualTo(1);
    }

    @Test
    void broken_and_foreign_messages_are_skipped_and_the_reports_after_them_still_count() throws Exception {
        var to = unique("after-junk");
        var messageId = sendSubscribed(to, "b-" + to);
        var mailbox = mailbox();
        mailbox.deliver(DeliveryReportTest.fixture("malformed-structure.eml", to, messageId));
        mailbox.deliver(DeliveryReportTest.fixture("malformed-fields.eml", to, messageId));
        mailbox.deliver(DeliveryReportTest.fixture("not-a-report.eml", to, messageId));
        mailbox.deliver(DeliveryReportTest.fixture("postfix-hard.eml", to, messageId));
        assertThat(mailbox.poller().poll()).isEqualTo(4);
        assertThat(mail.isSuppressed(to)).isTrue();
    }

    @Test
    void a_report_naming_no_known_message_suppresses_only_addresses_chorus_mailed() throws Exception {
        var stranger = unique("never-mailed");
        var mailbox = mailbox();
        mailbox.deliver(DeliveryReportTest.fixture("postfix-hard.eml", stranger, "<forged@elsewhere.example>"));
        assertThat(mailbox.poller().poll()).isEqualTo(1);
        assertThat(mail.isSuppressed(stranger))
                .as("a forged report cannot silence anyone")
                .isFalse();

        var known = unique("known");
        sendSubscribed(known, "b-" + known);
        mailbox.deliver(DeliveryReportTest.fixture("postfix-hard.eml", known, "<lost@elsewhere.example>"));
        assertThat(mailbox.poller().poll()).isEqualTo(1);
        assertThat(mail.isSuppressed(known)).isTrue();
    }

    @Test
    void an_unreachable_mailbox_is_logged_not_thrown() {
        var settings = new MailSettings.Bounces("127.0.0.1", 1, false, "nobody", "x", "INBOX", "");
        assertThat(new BounceMailbox(settings, bounces).poll()).isZero();
        var off = new MailSettings.Bounces("", 993, true, "", "", "INBOX", "");
        assertThat(new BounceMailbox(off, bounces).poll()).isZero();
    }

    @Test
    void the_webhook_suppresses_hard_bounces_and_complaints_and_ignores_soft_ones() throws Exception {
        var hard = unique("hard");
        var batch = "b-" + hard;
        var messageId = sendSubscribed(hard, batch);
        var complaint = unique("complaint");
        var soft = unique("soft");
        mvc.perform(hook("""
                        [{"recipient": "%s", "type": "hard", "messageId": "%s"},
                         {"recipient": "%s", "type": "complaint"},
                         {"recipient": "%s", "type": "soft"}]""".formatted(hard, messageId, complaint, soft)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suppressed").value(2))
                .andExpect(jsonPath("$.ignored").value(1));
        assertThat(mail.isSuppressed(hard)).isTrue();
        assertThat(mail.isSuppressed(complaint)).isTrue();
        assertThat(mail.isSuppressed(soft)).isFalse();
        assertThat(mail.progress(batch).bounced()).isEqualTo(1);

        var single = unique("single");
        mvc.perform(hook("{\"recipient\": \"" + single + "\", \"type\": \"hard\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suppressed").value(1));
        assertThat(mail.isSuppressed(single)).isTrue();
        assertThat(mail.suppressedCount()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void the_webhook_wants_the_secret() throws Exception {
        var to = unique("protected");
        var body = "{\"recipient\": \"" + to + "\", \"type\": \"hard\"}";
        mvc.perform(post("/hooks/email/bounces")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/hooks/email/bounces")
                        .header("Authorization", "Bearer test-secreT")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnauthorized());
        assertThat(mail.isSuppressed(to)).isFalse();
        assertThat(BounceWebhookAccess.authorized("Bearer test-secret", "test-secret"))
                .isTrue();
        assertThat(BounceWebhookAccess.authorized("Basic test-secret", "test-secret"))
                .isFalse();
        assertThatThrownBy(() -> BounceWebhookAccess.receiveWithoutSecret(bounces))
                .hasMessageContaining("email.bounce.webhook-off");
    }

    @Test
    void bad_requests_get_problem_details_that_say_what_is_wrong() throws Exception {
        expectProblem("{not json", "not valid JSON");
        expectProblem("", "has no body");
        expectProblem("42", "JSON object with recipient, type and messageId");
        expectProblem(
                "{\"recipient\": \"a@example.org\", \"type\": \"bounced\"}", "type must be hard, soft or complaint");
        expectProblem("[{\"recipient\": \"a@example.org\", \"type\": \"hard\"}, {\"type\": \"hard\"}]", "Report 2");
        expectProblem("{\"recipient\": \"not an address\", \"type\": \"hard\"}", "not a valid email address");
        expectProblem("{\"recipient\": 7, \"type\": \"hard\"}", "recipient must be a JSON string");
    }

    private void expectProblem(String body, String detail) throws Exception {
        mvc.perform(hook(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(detail)));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder hook(String body) {
        return post("/hooks/email/bounces")
                .header("Authorization", "Bearer test-secret")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }
}

package org.chorus.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chorus.support.Eventually.eventually;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.chorus.shared.i18n.Language;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Html;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ChorusModuleTest
class MailEngineTest {

    @Autowired
    Mail mail;

    @Autowired
    JdbcClient jdbc;

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static Letter letter(Language language, String subject, String batch) {
        return new Letter(
                "test.hello",
                language,
                subject,
                List.of(
                        new LetterBlock.Paragraph("Hello <b>friend</b> & welcome"),
                        new LetterBlock.Button("Open", "https://chorus.example/x?a=1&b=2")),
                "You get this because a test asked for it.",
                batch);
    }

    static String part(MimeMessage message, String type) {
        return org.chorus.support.ReceivedMail.part(message, type);
    }

    @Test
    void a_letter_arrives_once_with_a_text_and_an_html_part_and_its_stable_message_id() throws Exception {
        var to = unique("ada");
        assertThat(mail.send(letter(Language.ENGLISH, "Welcome", null), Addressee.transactional(to, "Ada", "k:" + to)))
                .isTrue();
        assertThat(mail.send(letter(Language.ENGLISH, "Welcome", null), Addressee.transactional(to, "Ada", "k:" + to)))
                .as("the same idempotency key sends once")
                .isFalse();

        var message = TestMail.awaitOne(to);
        assertThat(message.getSubject()).isEqualTo("Welcome");
        assertThat(message.getHeader("Content-Language")[0]).isEqualTo("en");
        assertThat(part(message, "text/plain"))
                .contains("Hello <b>friend</b> & welcome")
                .contains("https://chorus.example/x?a=1&b=2")
                .contains("You get this because a test asked for it.");
        var html = Html.parse(part(message, "text/html"));
        assertThat(html.select("p:containsOwn(Hello <b>friend</b> & welcome)"))
                .as("the paragraph's text, shown as written")
                .isNotEmpty();
        assertThat(html.select("b")).isEmpty();
        assertThat(html.select("html[dir=ltr]")).isNotEmpty();
        assertThat(html.select("a[href='https://chorus.example/x?a=1&b=2']")).isNotEmpty();
        assertThat(message.getHeader("List-Unsubscribe")).as("transactional").isNull();
        var stored = jdbc.sql("SELECT message_id, status FROM email_outbox WHERE idempotency_key = :k")
                .param("k", "k:" + to)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                .single();
        assertThat(message.getMessageID()).isEqualTo(stored.get(0));
        // once its one row is "sent" nothing can send it again: what arrived is all that ever will
        eventually("the letter is marked sent").until(() -> statusOf(to).equals("sent"));
        assertThat(TestMail.to(to)).hasSize(1);
    }

    @Test
    void arabic_letters_are_laid_out_right_to_left() throws Exception {
        var to = unique("layla");
        mail.send(letter(Language.ARABIC, "مرحبا", null), Addressee.transactional(to, "ليلى", "k:" + to));
        var message = TestMail.awaitOne(to);
        assertThat(message.getSubject()).isEqualTo("مرحبا");
        assertThat(Html.select(part(message, "text/html"), "html[lang=ar][dir=rtl]"))
                .isNotEmpty();
        assertThat(part(message, "text/plain")).contains("أرسلها");
    }

    @Test
    void subscribed_mail_carries_one_click_unsubscribe_headers() throws Exception {
        var to = unique("follower");
        mail.send(
                letter(Language.FRENCH, "Nouvelles", "batch-" + to),
                new Addressee(
                        to,
                        null,
                        "k:" + to,
                        new Addressee.Subscription(
                                "https://chorus.example/unsubscribe/abc",
                                "https://chorus.example/prefs/abc",
                                "l:" + to)));
        var message = TestMail.awaitOne(to);
        assertThat(message.getHeader("List-Unsubscribe")[0]).isEqualTo("<https://chorus.example/unsubscribe/abc>");
        assertThat(message.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(part(message, "text/plain")).contains("Se désabonner: https://chorus.example/unsubscribe/abc");
        eventually("the sending counts the letter")
                .until(() -> mail.progress("batch-" + to).sent() == 1);
    }

    @Test
    void names_and_subjects_cannot_add_headers() throws Exception {
        var to = unique("inject");
        mail.send(
                letter(Language.ENGLISH, "Hi\r\nBcc: victim@example.org\r\n\r\nbody", null),
                Addressee.transactional(to, "Eve\r\nBcc: victim@example.org", "k:" + to));
        var message = TestMail.awaitOne(to);
        assertThat(message.getHeader("Bcc")).isNull();
        assertThat(message.getSubject()).isEqualTo("Hi Bcc: victim@example.org body");
        assertThat(message.getAllRecipients()).hasSize(1);
        assertThat(TestMail.everDeliveredTo("victim@example.org")).isFalse();
        var encodedWord = unique("encoded");
        mail.send(
                letter(Language.ENGLISH, "=?UTF-8?Q?Hi=0D=0ABcc:_x@example.org?=", null),
                Addressee.transactional(encodedWord, "=?UTF-8?Q?a=0D=0AX:_y?=", "k:" + encodedWord));
        var second = TestMail.awaitOne(encodedWord);
        assertThat(second.getHeader("Bcc")).isNull();
        assertThat(second.getHeader("X")).isNull();
    }

    @Test
    void a_letter_written_for_someone_is_from_the_platform_with_answers_going_to_them() throws Exception {
        var to = unique("official");
        var supporter = unique("supporter");
        mail.send(
                letter(Language.ENGLISH, "Act now", null).replyingTo(supporter, "Ama\r\nBcc: x@example.org"),
                Addressee.transactional(to, null, "k:" + to));
        var message = TestMail.awaitOne(to);
        assertThat(message.getReplyTo()).hasSize(1);
        var replyTo = (jakarta.mail.internet.InternetAddress) message.getReplyTo()[0];
        assertThat(replyTo.getAddress()).isEqualTo(supporter);
        assertThat(replyTo.getPersonal()).isEqualTo("Ama Bcc: x@example.org");
        assertThat(((jakarta.mail.internet.InternetAddress) message.getFrom()[0]).getAddress())
                .isNotEqualTo(supporter);
        assertThat(message.getHeader("Bcc")).isNull();
        var plain = unique("plain");
        mail.send(letter(Language.ENGLISH, "No reply-to", null), Addressee.transactional(plain, null, "k:" + plain));
        assertThat(TestMail.awaitOne(plain).getHeader("Reply-To"))
                .as("other letters are answered to the platform's address")
                .isNull();
        assertThatThrownBy(() ->
                        letter(Language.ENGLISH, "x", null).replyingTo("a@example.org\r\nBcc: b@example.org", null))
                .hasMessageContaining("email.invalid");
    }

    @Test
    void a_letter_carries_its_attachment_beside_its_two_parts_and_refuses_a_name_that_could_be_a_path()
            throws Exception {
        var to = unique("guest");
        var calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n";
        mail.send(
                letter(Language.ENGLISH, "Tomorrow", null).attaching(Letter.Attachment.calendar("action", calendar)),
                Addressee.transactional(to, null, "k:" + to));
        var message = TestMail.awaitOne(to);
        assertThat(message.isMimeType("multipart/mixed")).isTrue();
        assertThat(part(message, "text/plain")).contains("Hello <b>friend</b> & welcome");
        assertThat(part(message, "text/html")).contains("welcome");
        assertThat(org.chorus.support.ReceivedMail.attachment(message, "action.ics"))
                .isEqualTo(calendar);
        var plain = unique("plain");
        mail.send(letter(Language.ENGLISH, "None", null), Addressee.transactional(plain, null, "k:" + plain));
        assertThat(TestMail.awaitOne(plain).isMimeType("multipart/alternative"))
                .as("a letter without attachments stays as it was")
                .isTrue();
        assertThatThrownBy(() -> Letter.Attachment.calendar("../etc/passwd", calendar))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Letter.Attachment("a.ics", "text/calendar; method=PUBLISH", calendar))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void letters_that_differ_for_each_addressee_are_queued_together_each_once_with_its_own_words() throws Exception {
        var ana = unique("ana");
        var ben = unique("ben");
        var before = unique("before");
        mail.send(letter(Language.ENGLISH, "Sent before", null), Addressee.transactional(before, null, "k:" + before));

        int queued = mail.sendEach(List.of(
                new Mail.Outgoing(
                        letter(Language.ENGLISH, "For Ana", null), Addressee.transactional(ana, "Ana", "k:" + ana)),
                new Mail.Outgoing(
                        letter(Language.FRENCH, "Pour Ben", null)
                                .attaching(
                                        Letter.Attachment.calendar("action", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")),
                        Addressee.transactional(ben, "Ben", "k:" + ben)),
                new Mail.Outgoing(
                        letter(Language.ENGLISH, "Again", null),
                        Addressee.transactional(before, null, "k:" + before))));

        assertThat(queued).as("the key queued before is skipped").isEqualTo(2);
        assertThat(TestMail.awaitOne(ana).getSubject()).isEqualTo("For Ana");
        var forBen = TestMail.awaitOne(ben);
        assertThat(forBen.getSubject()).isEqualTo("Pour Ben");
        assertThat(forBen.getHeader("Content-Language")[0]).isEqualTo("fr");
        assertThat(org.chorus.support.ReceivedMail.attachment(forBen, "action.ics"))
                .contains("BEGIN:VCALENDAR");
        eventually("the letter sent before is all that address gets")
                .until(() -> statusOf(before).equals("sent"));
        assertThat(TestMail.to(before)).extracting(m -> m.getSubject()).containsExactly("Sent before");
        assertThat(mail.sendEach(List.of())).isZero();
    }

    @Test
    void addresses_are_checked_and_refused_with_a_line_break() {
        assertThatThrownBy(() -> Addressee.transactional("a@example.org\r\nBcc: b@example.org", null, "k"))
                .hasMessageContaining("email.invalid");
        assertThatThrownBy(() -> Addressee.transactional("a@example.org, b@example.org", null, "k"))
                .hasMessageContaining("email.invalid");
    }

    @Test
    void the_database_holds_no_address_or_text_in_the_clear() {
        var to = unique("secret");
        mail.send(letter(Language.ENGLISH, "Private subject", null), Addressee.transactional(to, "Zed", "k:" + to));
        var rows = jdbc.sql("""
                        SELECT encode(o.recipient, 'escape') || encode(l.content, 'escape')
                        FROM email_outbox o JOIN email_letters l ON l.id = o.letter_id WHERE o.idempotency_key = :k""").param("k", "k:" + to).query(String.class).single();
        assertThat(rows).doesNotContain(to).doesNotContain("Private subject");
    }

    @Autowired
    Delivery delivery;

    @Autowired
    org.chorus.support.TestClock clock;

    @Test
    void a_message_whose_sender_died_before_the_end_of_data_is_sent_again_but_one_cut_after_it_is_not()
            throws Exception {
        var beforeData = unique("before-data");
        var afterData = unique("after-data");
        var stuck = List.of(beforeData, afterData);
        // the two states a killed sender leaves behind, with leases that ran out
        var template = new org.springframework.transaction.support.TransactionTemplate(transactions);
        template.executeWithoutResult(s -> {
            for (var to : stuck) {
                mail.send(letter(Language.ENGLISH, "Stuck", null), Addressee.transactional(to, null, "k:" + to));
                jdbc.sql("""
                                UPDATE email_outbox SET status = :status, lease_until = :past, not_before = :past
                                WHERE idempotency_key = :k""")
                        .param("status", to.equals(beforeData) ? "claimed" : "sending")
                        .param("past", java.sql.Timestamp.from(clock.instant().minusSeconds(600)))
                        .param("k", "k:" + to)
                        .update();
            }
        });

        eventually("the stuck messages are settled").until(() -> {
            delivery.deliverDue(java.time.Duration.ofSeconds(30));
            return statusOf(beforeData).equals("sent") && statusOf(afterData).equals("unknown");
        });

        assertThat(TestMail.awaitOne(beforeData).getSubject()).isEqualTo("Stuck");
        assertThat(TestMail.to(afterData)).isEmpty();
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void a_letter_cancelled_before_it_is_sent_is_never_sent_and_a_sent_one_stays_sent() throws Exception {
        var cancelled = unique("discarded");
        var sent = unique("kept");
        mail.send(letter(Language.ENGLISH, "Kept", null), Addressee.transactional(sent, null, "k:" + sent));
        eventually("the first letter is sent").until(() -> statusOf(sent).equals("sent"));
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(s -> {
            mail.send(
                    letter(Language.ENGLISH, "Discarded", null),
                    Addressee.transactional(cancelled, null, "k:" + cancelled));
            assertThat(mail.cancel(List.of("k:" + cancelled, "k:" + sent, "k:nothing"), "undone"))
                    .isEqualTo(1);
        });

        delivery.deliverDue(java.time.Duration.ofSeconds(30));
        assertThat(statusOf(cancelled)).isEqualTo("failed");
        assertThat(statusOf(sent)).isEqualTo("sent");
        assertThat(TestMail.to(cancelled)).isEmpty();
    }

    String statusOf(String to) {
        return jdbc.sql("SELECT status FROM email_outbox WHERE idempotency_key = :k")
                .param("k", "k:" + to)
                .query(String.class)
                .single();
    }
}

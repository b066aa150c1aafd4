package org.chorus.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.chorus.shared.cli.AdminCli;
import org.chorus.shared.cli.AdminCommand;
import org.chorus.shared.i18n.Language;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Html;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

/** The operator's tools: the dev mailbox at /dev/mail, the SMTP check, and {@code chorus admin mail test}. */
@ChorusWebTest
class MailToolsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MimeLetters letters;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    List<AdminCommand> commands;

    @Autowired
    MessageSource messages;

    @Autowired
    MailServerCheck serverCheck;

    @Autowired
    Clock clock;

    @Test
    void the_dev_mailbox_lists_each_message_with_its_text_html_and_source() throws Exception {
        var box = new DevMailbox(clock);
        var letter = new Letter(
                "test.dev",
                Language.ENGLISH,
                "Confirm your address",
                List.of(new LetterBlock.Button("Confirm", "http://localhost/confirm/abc")),
                "Because you signed up.");
        try (var connection = box.open()) {
            connection.send(
                    letters.build(letter, new Mail.Recipient("dev@example.org", "Dev", null, null), "<1@localhost>"),
                    () -> {});
        }
        context.getBeanFactory().registerSingleton("devMailboxForTest", box);
        try {
            mvc.perform(get("/dev/mail"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Confirm your address")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("dev@example.org")));
            mvc.perform(get("/dev/mail/1"))
                    .andExpect(status().isOk())
                    .andExpect(content()
                            .string(org.hamcrest.Matchers.containsString("http://localhost/confirm/abc?lang=en")));
            mvc.perform(get("/dev/mail/1/html"))
                    .andExpect(status().isOk())
                    .andExpect(header().string(
                                    "Content-Security-Policy", org.hamcrest.Matchers.startsWith("default-src 'none'")))
                    .andExpect(Html.has("a[href='http://localhost/confirm/abc?lang=en']"));
            mvc.perform(get("/dev/mail/1/source"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Message-ID: <1@localhost>")));
            mvc.perform(get("/dev/mail/99")).andExpect(status().isNotFound());
            // someone else on the network never sees the links in it
            for (var path : java.util.List.of("/dev/mail", "/dev/mail/1", "/dev/mail/1/html", "/dev/mail/1/source")) {
                mvc.perform(get(path).with(request -> {
                            request.setRemoteAddr("192.0.2.7");
                            return request;
                        }))
                        .andExpect(status().isNotFound());
            }
        } finally {
            ((org.springframework.beans.factory.support.DefaultListableBeanFactory) context.getBeanFactory())
                    .destroySingleton("devMailboxForTest");
        }
    }

    @Test
    void outside_dev_mode_there_is_no_dev_mailbox() throws Exception {
        mvc.perform(get("/dev/mail")).andExpect(status().isNotFound());
    }

    @Autowired
    DevMailInTests devMail;

    @Test
    void a_test_that_switches_the_dev_mailbox_on_reads_the_sent_mail_there_and_nobody_else_does() throws Exception {
        var to = MailEngineTest.unique("switched");
        try (var on = devMail.switchOn()) {
            mail.send(
                    new Letter(
                            "test.switched", Language.ENGLISH, "Switched on for « one » test", List.of(), "Because."),
                    Addressee.transactional(to, null, "k:" + to));
            TestMail.awaitOne(to);
            var captured = org.chorus.support.Eventually.eventually("the copy in /dev/mail")
                    .until(
                            () -> devMailbox().newestFirst().stream()
                                    .filter(m -> m.to().contains(to))
                                    .toList(),
                            found -> !found.isEmpty())
                    .getFirst();
            assertThat(captured.subject()).isEqualTo("Switched on for « one » test");
            mvc.perform(get("/dev/mail/" + captured.number()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Switched on for « one » test")));
        }
        mvc.perform(get("/dev/mail")).andExpect(status().isNotFound());
        assertThat(context.getBeanProvider(DevMailbox.class).getIfAvailable()).isNull();
    }

    private DevMailbox devMailbox() {
        return context.getBean(DevMailbox.class);
    }

    @Test
    void the_start_up_check_reaches_the_configured_server() {
        assertThat(serverCheck.check()).isTrue();
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    Mail mail;

    @Test
    void an_operator_lists_messages_in_doubt_and_decides_to_send_them_again() throws Exception {
        var to = MailEngineTest.unique("doubt");
        mail.send(
                new Letter("test.doubt", Language.ENGLISH, "In doubt", List.of(), "Because."),
                Addressee.transactional(to, null, "k:" + to));
        TestMail.awaitOne(to);
        jdbc.sql("UPDATE email_outbox SET status = 'unknown' WHERE idempotency_key = :k")
                .param("k", "k:" + to)
                .update();
        var out = new ByteArrayOutputStream();
        var cli = new AdminCli(
                commands,
                messages,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(cli.run(List.of("mail", "unknown"))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("may or may not have reached");
        assertThat(cli.run(List.of("mail", "unknown", "--resend"))).isZero();

        var both = TestMail.await(to, 2);
        assertThat(both.get(1).getMessageID()).isEqualTo(both.get(0).getMessageID());
    }

    @Test
    void an_operator_sends_a_test_message_and_is_told_it_went() throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var cli = new AdminCli(
                commands,
                messages,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        var to = MailEngineTest.unique("operator");

        assertThat(cli.run(List.of("mail", "test", "--to", to))).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Sent a test message to " + to);
        assertThat(TestMail.awaitOne(to).getSubject()).isEqualTo("Chorus test message");
        assertThat(cli.run(List.of("mail", "test", "--to", "not an address"))).isEqualTo(AdminCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'not an address' is not a valid email address");
    }
}

package org.chorus.email;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.chorus.shared.DomainException;
import org.chorus.shared.cli.AdminArguments;
import org.chorus.shared.cli.AdminCommand;
import org.chorus.shared.i18n.Language;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code chorus admin mail test --to EMAIL}: sends one message through the configured server and says how it went. */
@Configuration
class MailCommands {

    /** Delivers, and waits (up to a minute) until the message is sent, refused or postponed. */
    static Outbox.Outcome awaitOutcome(Delivery delivery, Outbox outbox, String key) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            delivery.deliverDue(Duration.ofSeconds(60));
            var outcome = outbox.outcome(key).orElseThrow();
            var waiting = java.util.Set.of("claimed", "sending").contains(outcome.status())
                    || ("queued".equals(outcome.status()) && outcome.lastError() == null);
            if (!waiting || System.nanoTime() > deadline) {
                return outcome;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return outcome;
            }
        }
    }

    @Bean
    AdminCommand mailUnknown(Outbox outbox, Delivery delivery, java.time.Clock clock) {
        return new AdminCommand() {
            public String name() {
                return "mail unknown";
            }

            public String usage() {
                return "mail unknown [--resend]   (messages cut off at the end of DATA by a crash; --resend sends them"
                        + " again with the same Message-ID)";
            }

            public int run(AdminArguments args, PrintStream out, PrintStream err) {
                var uncertain = outbox.uncertain(1000);
                if (uncertain.isEmpty()) {
                    out.println("No message is in doubt.");
                    return 0;
                }
                uncertain.forEach(m -> out.println(m.id() + "  " + m.createdAt() + "  " + m.messageId() + "  "
                        + (m.batch() == null ? "" : m.batch())));
                if (!args.flag("resend")) {
                    out.println(
                            uncertain.size() + " message(s) may or may not have reached the SMTP server before a"
                                    + " crash. Most did. Run with --resend to send them again (recipients may get them twice).");
                    return 0;
                }
                var requeued = outbox.requeueUncertain(clock.instant());
                delivery.deliverDue(Duration.ofSeconds(60));
                out.println("Queued " + requeued + " message(s) again.");
                return 0;
            }
        };
    }

    @Bean
    AdminCommand mailTest(
            Mail mail,
            Delivery delivery,
            Outbox outbox,
            MailSettings settings,
            PlatformTransactionManager transactions) {
        return new AdminCommand() {
            public String name() {
                return "mail test";
            }

            public String usage() {
                return "mail test --to EMAIL [--language en|fr|es|ar]   (sends a test message with the CHORUS_SMTP_* settings)";
            }

            public int run(AdminArguments args, PrintStream out, PrintStream err) {
                var to = args.required("to");
                var language = args.option("language")
                        .map(tag -> Language.byTag(tag)
                                .orElseThrow(() -> new IllegalArgumentException("unsupported language '" + tag + "'")))
                        .orElse(Language.DEFAULT);
                var key = "admin.mail-test:" + UUID.randomUUID();
                Addressee addressee;
                try {
                    addressee = Addressee.transactional(to, null, key);
                } catch (DomainException e) {
                    err.println("'" + to + "' is not a valid email address");
                    return USAGE;
                }
                new TransactionTemplate(transactions)
                        .executeWithoutResult(s -> mail.send(
                                new Letter(
                                        "admin.mail-test",
                                        language,
                                        "Chorus test message",
                                        List.of(new LetterBlock.Paragraph(
                                                "This message shows that Chorus can send mail with its settings.")),
                                        "You get this email because an administrator ran 'chorus admin mail test'."),
                                addressee));
                var outcome = awaitOutcome(delivery, outbox, key);
                var server = settings.capture()
                        ? "the dev capture"
                        : settings.host() + ":" + settings.port() + " (" + settings.tls() + ")";
                if ("sent".equals(outcome.status())) {
                    out.println("Sent a test message to " + to + " through " + server + ", Message-ID "
                            + outcome.messageId());
                    return 0;
                }
                err.println("Could not send the test message through " + server + ": "
                        + (outcome.lastError() == null ? outcome.status() : outcome.lastError()));
                err.println("Check CHORUS_SMTP_HOST, _PORT, _TLS, _USERNAME, _PASSWORD and _FROM (README.md).");
                if (!"failed".equals(outcome.status())) {
                    // leave nothing behind to be retried later by a running Chorus
                    new TransactionTemplate(transactions)
                            .executeWithoutResult(s -> outbox.cancel(key, outcome.lastError()));
                }
                return REFUSED;
            }
        };
    }
}

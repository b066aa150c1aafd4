package org.chorus.email;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.awaitility.Awaitility;
import org.chorus.ChorusApplication;
import org.chorus.shared.i18n.Language;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real Chorus process for {@link MailCrashTest} and the fan-out benchmark: starts the application (no web server),
 * queues {@code count} letters with stable idempotency keys (so a restarted process queues nothing new), lets the
 * engine deliver them, and exits 0 once no message is waiting. Arguments: run id, count. Database, SMTP server and
 * keys come from system properties set by the parent.
 */
public final class MailCrashChild {

    static final String ANNOUNCEMENT = """
            ## Join the week of action

            Dear friends, the coalition invites every member organization to **register a local action** for the
            week of 12 to 19 April: a rally, a teach-in, a letter to your representatives. Find the
            [toolkit](https://coalition.example/toolkit) and the shared demands on our site.

            - Register before 1 April
            - Order materials by 5 April
            - Report turnout after the day
            """;

    public static void main(String[] args) throws InterruptedException {
        var run = args[0];
        var count = Integer.parseInt(args[1]);
        var application = new SpringApplication(ChorusApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAdditionalProfiles("test");
        var context = application.run();
        var mail = context.getBean(Mail.class);
        var jdbc = context.getBean(JdbcClient.class);
        var letter = new Letter(
                "test.crash",
                Language.ENGLISH,
                "Crash test " + run,
                List.of(
                        new LetterBlock.Paragraph("One of " + count + " messages."),
                        LetterBlock.Html.of(
                                org.chorus.shared.markdown.Markdown.render(ANNOUNCEMENT),
                                org.chorus.shared.markdown.Markdown.render(ANNOUNCEMENT)
                                        .plainText())),
                "You get this because a test sends it.",
                "crash:" + run);
        var addressees = new ArrayList<Addressee>();
        for (int i = 0; i < count; i++) {
            var address = "n" + i + "@" + run + ".example.org";
            var key = "crash:" + run + ":" + i;
            // like an announcement: every message has its own one-click unsubscribe link
            addressees.add(new Addressee(
                    address,
                    null,
                    key,
                    new Addressee.Subscription(
                            "http://localhost/unsubscribe/" + i, "http://localhost/preferences/" + i, key)));
        }
        var queued = new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
                .execute(s -> mail.sendAll(letter, addressees));
        System.out.println("queued " + queued + " at " + System.currentTimeMillis());
        deliverAllAndExit(
                context,
                () -> jdbc.sql("SELECT count(*) FROM email_outbox WHERE batch = :batch"
                                + " AND status IN ('queued', 'claimed', 'sending')")
                        .param("batch", "crash:" + run)
                        .query(Long.class)
                        .single());
    }

    /**
     * Lets the sender run as in the application, waking it up until {@code waiting} counts no message left, then
     * stops the process with exit code 0.
     */
    static void deliverAllAndExit(ConfigurableApplicationContext context, LongSupplier waiting) {
        Awaitility.await("the outbox emptied")
                .forever()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .pollInSameThread()
                .until(() -> {
                    var left = waiting.getAsLong();
                    if (left > 0) {
                        context.getBean(Delivery.class).wakeUp();
                    }
                    return left == 0;
                });
        System.out.println("done");
        context.close();
        System.exit(0);
    }
}

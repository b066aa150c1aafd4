package org.chorus.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One GreenMail server (SMTP and IMAP on loopback) for the whole test run, started on first use; every test Spring
 * context sends its mail there (registered in META-INF/spring.factories). Tests find their messages by recipient
 * address, which they make unique, so they never need to empty the server.
 */
public final class TestMail implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail greenMail;

    public static synchronized GreenMail server() {
        if (greenMail == null) {
            var smtp = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            var imap = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
            greenMail = new GreenMail(new ServerSetup[] {smtp, imap});
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        }
        return greenMail;
    }

    /** The messages received so far for {@code address}. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(server().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r instanceof jakarta.mail.internet.InternetAddress a
                                        && a.getAddress().equalsIgnoreCase(address));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    /** Whether any message was ever delivered to {@code address} (GreenMail makes a mailbox per recipient). */
    /** The messages received so far at the address whose subject starts with {@code prefix}. */
    public static List<MimeMessage> to(String address, String prefix) {
        return to(address).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith(prefix);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
    }

    public static boolean everDeliveredTo(String address) {
        return server().getUserManager().getUserByEmail(address) != null;
    }

    /** Waits (up to 60 s, {@link Eventually}) until {@code count} messages arrived for {@code address}, and returns them. */
    public static List<MimeMessage> await(String address, int count) {
        return Eventually.eventually(count + " message(s) to " + address)
                .until(() -> to(address), received -> received.size() >= count);
    }

    public static MimeMessage awaitOne(String address) {
        return await(address, 1).getLast();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        if (environment.matchesProfiles("dev")
                || !environment.getProperty("chorus.mail.host", "").isBlank()) {
            return;
        }
        var server = server();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "chorus-test-mail",
                        Map.of(
                                "chorus.mail.host",
                                "127.0.0.1",
                                "chorus.mail.port",
                                String.valueOf(server.getSmtp().getPort()))));
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

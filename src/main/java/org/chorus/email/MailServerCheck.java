package org.chorus.email;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, connects once to the SMTP server (in the background) and says clearly in the log when it cannot: a
 * wrong host, port, TLS mode or password shows up at once instead of at the first sign-up. Mail waits in the outbox
 * meanwhile, so Chorus still starts.
 */
@Component
@Profile("!admin")
class MailServerCheck {

    private static final Logger log = LoggerFactory.getLogger(MailServerCheck.class);

    private final MailTransport transport;
    private final MailSettings settings;

    MailServerCheck(MailTransport transport, MailSettings settings) {
        this.transport = transport;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkInBackground() {
        if (settings.capture()) {
            log.info("Mail is captured, not sent: see /dev/mail");
            return;
        }
        Thread.ofVirtual().name("chorus-mail-check").start(this::check);
    }

    boolean check() {
        try (var connection = transport.open()) {
            log.info(
                    "SMTP server {}:{} ({}) accepts Chorus's connection",
                    settings.host(),
                    settings.port(),
                    settings.tls());
            return true;
        } catch (Exception e) {
            log.error(
                    "Cannot use the SMTP server {}:{} with CHORUS_SMTP_TLS={}{}: {}. Mail waits in the outbox until"
                            + " it can be sent; check CHORUS_SMTP_HOST, _PORT, _TLS, _USERNAME and _PASSWORD, then"
                            + " try 'bin/chorus admin mail test --to you@example.org'.",
                    settings.host(),
                    settings.port(),
                    settings.tls(),
                    settings.username().isBlank() ? "" : " as " + settings.username(),
                    e.getMessage());
            return false;
        }
    }
}

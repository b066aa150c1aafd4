package org.chorus.email;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Reads the mailbox that delivery status notifications come back to (the envelope sender's mailbox, over IMAP) and
 * records the bounces they report. Each poll reads the folder's unseen messages, at most {@link #MAX_PER_POLL}, and
 * marks each one seen once handled: messages stay in the folder (the mailbox's own retention or the operator cleans
 * it), and a message that is not a report, or cannot be read, is marked seen and skipped with a log line. Use a
 * mailbox of its own: a person reading it would see messages already marked read.
 */
class BounceMailbox {

    private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);
    static final int MAX_PER_POLL = 500;
    static final int MAX_SIZE = 25 * 1024 * 1024;

    private final MailSettings.Bounces settings;
    private final RecordingBounces bounces;

    BounceMailbox(MailSettings.Bounces settings, RecordingBounces bounces) {
        this.settings = settings;
        this.bounces = bounces;
    }

    boolean configured() {
        return !settings.imapHost().isBlank();
    }

    /** Reads the unseen messages once; returns how many were read. Connection failures are logged, not thrown. */
    int poll() {
        if (!configured()) {
            return 0;
        }
        var protocol = settings.imapTls() ? "imaps" : "imap";
        var properties = new Properties();
        properties.put("mail.store.protocol", protocol);
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "30000");
        properties.put("mail." + protocol + ".writetimeout", "30000");
        if (settings.imapTls()) {
            properties.put("mail.imaps.ssl.checkserveridentity", "true");
        }
        var session = Session.getInstance(properties);
        try (var store = session.getStore(protocol)) {
            store.connect(settings.imapHost(), settings.imapPort(), settings.imapUsername(), settings.imapPassword());
            var folder = store.getFolder(settings.imapFolder());
            folder.open(Folder.READ_WRITE);
            try {
                var unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                int read = 0;
                for (var message : unseen) {
                    if (read == MAX_PER_POLL) {
                        break;
                    }
                    if (!handle(message)) {
                        break;
                    }
                    read++;
                }
                return read;
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            log.warn(
                    "Could not read the bounce mailbox {} on {}: {}",
                    settings.imapFolder(),
                    settings.imapHost(),
                    e.toString());
            return 0;
        }
    }

    /** Handles one message and marks it seen; false (message left unseen) when the database failed, to stop. */
    private boolean handle(Message message) throws MessagingException {
        try {
            if (message.getSize() > MAX_SIZE) {
                throw new MessagingException("larger than " + MAX_SIZE + " bytes");
            }
            // one fetch of the whole message, parsed here: no reliance on the server's view of its structure
            var report = DeliveryReport.parse(new MimeMessage((MimeMessage) message));
            if (report.isEmpty()) {
                log.info(
                        "Skipped message {} of the bounce mailbox: not a delivery status report",
                        message.getMessageNumber());
            } else {
                var outcome = bounces.record(report.get());
                log.info(
                        "Bounce report {}: {} address(es) suppressed, {} recipient(s) left alone",
                        message.getMessageNumber(),
                        outcome.suppressed(),
                        outcome.ignored());
            }
        } catch (DataAccessException e) {
            log.warn("Could not record a bounce; it stays unseen for the next poll: {}", e.toString());
            message.setFlag(Flags.Flag.SEEN, false);
            return false;
        } catch (Exception e) {
            log.warn(
                    "Skipped unreadable message {} of the bounce mailbox: {}",
                    message.getMessageNumber(),
                    e.toString());
        }
        message.setFlag(Flags.Flag.SEEN, true);
        return true;
    }
}

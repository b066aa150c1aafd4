package org.chorus.email;

import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import org.chorus.shared.EmailAddress;
import org.chorus.shared.crypto.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what comes back from mail servers: a hard bounce or a complaint suppresses the address (its blind index),
 * so no more subscribed mail goes to it, and a bounced message is counted as bounced in its sending's progress. A soft
 * bounce (a delay, a full mailbox for now) changes nothing: the server is still trying, or the next message may pass.
 */
@Service
public class RecordingBounces {

    private static final Logger log = LoggerFactory.getLogger(RecordingBounces.class);

    private final Outbox outbox;
    private final PersonalData personalData;
    private final Clock clock;

    RecordingBounces(Outbox outbox, PersonalData personalData, Clock clock) {
        this.outbox = outbox;
        this.personalData = personalData;
        this.clock = clock;
    }

    /** What a provider reports about one message or address. */
    public enum Kind {
        HARD,
        SOFT,
        COMPLAINT
    }

    /**
     * One report from a provider's webhook.
     *
     * @param recipient the address, or null when only the message is named
     * @param kind hard bounce, soft bounce or complaint
     * @param messageId the Message-ID of the message it is about, or null
     */
    public record Notice(String recipient, Kind kind, String messageId) {}

    /** How many reports suppressed an address, and how many changed nothing (soft, or about an unknown message). */
    public record Outcome(int suppressed, int ignored) {
        Outcome plus(Outcome other) {
            return new Outcome(suppressed + other.suppressed, ignored + other.ignored);
        }
    }

    /**
     * A delivery status notification read from the bounce mailbox. The address to suppress is the one the named
     * message went to; when the report names no message we know, its recipient is suppressed only if Chorus sent mail
     * to that address, so a forged report cannot silence arbitrary addresses.
     */
    @Transactional
    public Outcome record(DeliveryReport report) {
        int suppressed = 0;
        int ignored = 0;
        var messageId = report.originalMessageId();
        Optional<byte[]> sentTo = messageId == null ? Optional.empty() : outbox.recipientIndexOf(messageId);
        for (var recipient : report.recipients()) {
            if (!recipient.hard()) {
                ignored++;
                continue;
            }
            var index = sentTo.or(
                    () -> knownAddress(recipient.address()).or(() -> knownAddress(recipient.finalRecipient())));
            if (index.isEmpty()) {
                log.info("Ignored a hard bounce ({}) for a message Chorus does not know", recipient.status());
                ignored++;
                continue;
            }
            outbox.suppress(index.get(), "bounce " + recipient.status(), clock.instant());
            suppressed++;
        }
        if (suppressed > 0 && sentTo.isPresent()) {
            outbox.markBounced(messageId);
        }
        return new Outcome(suppressed, ignored);
    }

    /** Reports from a provider's webhook, which authenticated itself: its addresses are believed as given. */
    @Transactional
    public Outcome record(Collection<Notice> notices) {
        var outcome = new Outcome(0, 0);
        for (var notice : notices) {
            outcome = outcome.plus(record(notice));
        }
        return outcome;
    }

    private Outcome record(Notice notice) {
        if (notice.kind() == Kind.SOFT) {
            return new Outcome(0, 1);
        }
        Optional<byte[]> index = notice.recipient() != null
                ? Optional.of(personalData.emailIndex(EmailAddress.check(notice.recipient())))
                : outbox.recipientIndexOf(notice.messageId());
        if (index.isEmpty()) {
            return new Outcome(0, 1);
        }
        outbox.suppress(index.get(), notice.kind() == Kind.HARD ? "bounce (webhook)" : "complaint", clock.instant());
        if (notice.kind() == Kind.HARD && notice.messageId() != null) {
            outbox.markBounced(notice.messageId());
        }
        return new Outcome(1, 0);
    }

    private Optional<byte[]> knownAddress(String address) {
        if (address == null) {
            return Optional.empty();
        }
        var index = personalData.emailIndex(address);
        return outbox.sentTo(index) ? Optional.of(index) : Optional.empty();
    }
}

package org.chorus.email;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.scheduling.Drain;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Each of {@code connections} senders claims a batch (with a lease), sends it over one
 * SMTP connection it keeps open, and commits each message's state at the SMTP commit point:
 *
 * <ol>
 *   <li>claimed (leased; if the node dies now, the lease runs out and another sender takes the message: the server
 *       never saw the end of its DATA, so it never delivered it);
 *   <li>"sending", committed right before the final dot of DATA together with "sent" for the message before it on
 *       the same connection;
 *   <li>"sent", once the server answered 250 (committed with the next message's commit point, or after the batch).
 * </ol>
 *
 * A message found still "sending" after its lease is the one case nobody can decide: the server may have accepted it
 * just before the process died. It becomes "unknown" and is not resent blindly (an admin can look at it); the window
 * is the time between one committed UPDATE and writing five bytes, at most one message per connection.
 */
@Component
class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);
    private static final int MAX_ATTEMPTS = 8;
    private static final int LETTER_CACHE = 64;

    private final Outbox outbox;
    private final MimeLetters letters;
    private final MailTransport transport;
    private final PersonalData personalData;
    private final MailSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Bucket rate;
    private final Drain drain = new Drain("chorus-mail", this::deliverDueAlone);
    private final Map<Long, Letter> letterCache =
            Collections.synchronizedMap(new LinkedHashMap<>(LETTER_CACHE, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Letter> eldest) {
                    return size() > LETTER_CACHE;
                }
            });
    private final Counter sent;
    private final Counter failed;

    Delivery(
            Outbox outbox,
            MimeLetters letters,
            MailTransport transport,
            PersonalData personalData,
            MailSettings settings,
            Clock clock,
            PlatformTransactionManager transactions,
            MeterRegistry meters) {
        this.outbox = outbox;
        this.letters = letters;
        this.transport = transport;
        this.personalData = personalData;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.rate = Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(Math.max(1, settings.ratePerSecond()))
                        .refillGreedy(Math.max(1, settings.ratePerSecond()), Duration.ofSeconds(1))
                        .build())
                .build();
        this.sent = Counter.builder("chorus.mail.sent").register(meters);
        this.failed = Counter.builder("chorus.mail.failed").register(meters);
    }

    /** Starts sending in the background unless this node is already sending; then it goes on with the new messages. */
    void wakeUp() {
        drain.wakeUp();
    }

    /**
     * Starts sending at {@code moment}, when messages held until then (queued ahead, {@code not_before}) become due;
     * at once if it has come. A wake-up lost with the process is made up by the job {@code deliver-mail} within its
     * interval.
     */
    void wakeUpAt(Instant moment) {
        var wait = Duration.between(clock.instant(), moment);
        if (wait.isNegative() || wait.isZero()) {
            wakeUp();
            return;
        }
        Thread.ofVirtual().name("chorus-mail-at").start(() -> {
            try {
                Thread.sleep(wait);
                wakeUp();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    void stop() {
        drain.stop();
    }

    /**
     * Sends due messages until none is left or {@code budget} has passed; returns how many were sent. One run at a time
     * per node ({@link Drain}): the wake-up after a commit and the scheduled job share it.
     */
    int deliverDue(Duration budget) {
        return drain.run(budget);
    }

    private int deliverDueAlone(Duration budget) {
        var uncertain = tx.execute(s -> outbox.markUncertain(clock.instant()));
        if (uncertain != null && uncertain > 0) {
            log.warn(
                    "{} message(s) were interrupted at the end of DATA and are marked unknown; they are not resent"
                            + " automatically (see docs/email.md)",
                    uncertain);
        }
        var deadline = clock.instant().plus(budget);
        var total = new AtomicInteger();
        // platform threads: after the commit point's COMMIT returns, the sender must run again at once to write the
        // final dot; the operating system wakes a blocked platform thread sooner than a busy carrier pool would
        try (var senders = Executors.newFixedThreadPool(
                Math.max(1, settings.connections()),
                Thread.ofPlatform().name("chorus-mail-sender-", 1).factory())) {
            for (int i = 0; i < Math.max(1, settings.connections()); i++) {
                senders.submit(() -> total.addAndGet(sendUntilEmpty(deadline)));
            }
        }
        return total.get();
    }

    private int sendUntilEmpty(Instant deadline) {
        int count = 0;
        MailTransport.Connection connection = null;
        try {
            while (!drain.stopped() && clock.instant().isBefore(deadline)) {
                var now = clock.instant();
                var batchSize = Math.max(1, Math.min(settings.batchSize(), settings.ratePerSecond() * 30));
                var claim = UUID.randomUUID();
                var lease = Duration.ofSeconds(settings.leaseSeconds());
                var batch = tx.execute(s -> outbox.claim(claim, batchSize, now, now.plus(lease)));
                if (batch == null || batch.isEmpty()) {
                    break;
                }
                var pending = new Pending(claim);
                var leaseUntil = now.plus(lease);
                // the batch's letters not in the cache, in one query (reminders: a letter for each message)
                var uncached = batch.stream()
                        .map(OutboxMessage::letterId)
                        .filter(id -> !letterCache.containsKey(id))
                        .collect(java.util.stream.Collectors.toSet());
                var contents = uncached.isEmpty() ? Map.<Long, byte[]>of() : outbox.letterContents(uncached);
                for (int i = 0; i < batch.size(); i++) {
                    var message = batch.get(i);
                    if (drain.stopped()) {
                        break;
                    }
                    if (clock.instant().isAfter(leaseUntil.minus(lease.dividedBy(2)))) {
                        // a slow server: keep the rest of the batch ours, so no other sender takes it meanwhile
                        leaseUntil = clock.instant().plus(lease);
                        var until = leaseUntil;
                        tx.executeWithoutResult(s -> outbox.renewLease(claim, until));
                    }
                    MimeMessage mime;
                    try {
                        mime = build(message, contents);
                    } catch (MessagingException | RuntimeException e) {
                        log.error("Message {} cannot be built and is dropped: {}", message.id(), e.getMessage());
                        tx.executeWithoutResult(
                                s -> outbox.setStatus(claim, List.of(message.id()), "failed", e.getMessage()));
                        failed.increment();
                        continue;
                    }
                    rate.asBlocking().consumeUninterruptibly(1);
                    try {
                        if (connection == null) {
                            connection = transport.open();
                        }
                        send(connection, message, mime, pending);
                        count++;
                        sent.increment();
                    } catch (MessagingException | RuntimeException e) {
                        pending.flush();
                        handleFailure(claim, message, e, pending.reachedCommitPoint);
                        if (connection != null) {
                            connection.close();
                            connection = null;
                        }
                        if (!(e instanceof SendFailedException) || pending.reachedCommitPoint) {
                            // the server or the connection is in trouble: give the rest of the batch back for now
                            release(claim, batch.subList(i + 1, batch.size()), e);
                            return count;
                        }
                    }
                }
                pending.flush();
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
        return count;
    }

    /** The message accepted last on a connection, to be marked sent with the next commit. */
    private final class Pending {
        final UUID claim;
        Long acceptedId;
        boolean reachedCommitPoint;

        Pending(UUID claim) {
            this.claim = claim;
        }

        void flush() {
            if (acceptedId != null) {
                var id = acceptedId;
                acceptedId = null;
                tx.executeWithoutResult(s -> outbox.markSent(id, clock.instant()));
            }
        }
    }

    private void send(MailTransport.Connection connection, OutboxMessage message, MimeMessage mime, Pending pending)
            throws MessagingException {
        pending.reachedCommitPoint = false;
        connection.send(mime, () -> {
            var previous = pending.acceptedId;
            // in an explicit transaction: if this process dies before COMMIT leaves it, PostgreSQL rolls the marker
            // back, so the window in which a marker survives without its final dot is one COMMIT round trip
            tx.executeWithoutResult(s -> outbox.markSending(pending.claim, message.id(), previous, clock.instant()));
            pending.acceptedId = null;
            pending.reachedCommitPoint = true;
        });
        pending.acceptedId = message.id();
    }

    /** The message as MIME; its letter from the cache, else from {@code contents} (read for its batch), else read. */
    private MimeMessage build(OutboxMessage message, Map<Long, byte[]> contents) throws MessagingException {
        var letter = letterCache.computeIfAbsent(
                message.letterId(),
                id -> Optional.ofNullable(contents.get(id))
                        .or(() -> outbox.letterContent(id))
                        .map(content ->
                                Mail.JSON.readValue(personalData.open(content, Mail.LETTER_COLUMN), Letter.class))
                        .orElseThrow(() -> new IllegalStateException("letter " + id + " is gone")));
        var recipient = Mail.JSON.readValue(
                personalData.open(message.recipient(), Mail.RECIPIENT_COLUMN), Mail.Recipient.class);
        return letters.build(letter, recipient, message.messageId());
    }

    private void handleFailure(UUID claim, OutboxMessage message, Exception e, boolean reachedCommitPoint) {
        var error = summary(e);
        var code = smtpCode(e);
        if (reachedCommitPoint && code < 0) {
            // the end of DATA went out, but no answer came back: the server may have the message
            log.warn("No answer after the end of DATA for message {}: marked unknown ({})", message.id(), error);
            tx.executeWithoutResult(s -> outbox.setStatus(claim, List.of(message.id()), "unknown", error));
        } else if (code >= 500) {
            tx.executeWithoutResult(s -> outbox.setStatus(claim, List.of(message.id()), "failed", error));
            failed.increment();
        } else if (message.attempts() >= MAX_ATTEMPTS) {
            tx.executeWithoutResult(s -> outbox.setStatus(claim, List.of(message.id()), "failed", error));
            failed.increment();
        } else {
            var backoff = Duration.ofSeconds(30L << Math.min(message.attempts(), 8));
            tx.executeWithoutResult(
                    s -> outbox.retryLater(claim, message.id(), clock.instant().plus(backoff), error));
        }
        log.warn("Message {} not sent: {}", message.id(), error);
    }

    private void release(UUID claim, List<OutboxMessage> rest, Exception cause) {
        if (rest.isEmpty()) {
            return;
        }
        var ids = new ArrayList<Long>();
        rest.forEach(m -> ids.add(m.id()));
        var notBefore = clock.instant().plusSeconds(30);
        tx.executeWithoutResult(s -> ids.forEach(id -> outbox.retryLater(claim, id, notBefore, summary(cause))));
    }

    /** The SMTP reply code that refused the message (also when nested, as for refused recipients), or -1. */
    private static int smtpCode(Exception e) {
        Exception cause = e;
        while (cause != null) {
            if (cause instanceof SMTPSendFailedException failure) {
                return failure.getReturnCode();
            }
            if (cause instanceof SMTPAddressFailedException refusal) {
                return refusal.getReturnCode();
            }
            cause = cause instanceof MessagingException messaging ? messaging.getNextException() : null;
        }
        return -1;
    }

    private static String summary(Exception e) {
        var message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}

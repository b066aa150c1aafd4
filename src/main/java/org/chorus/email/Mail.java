package org.chorus.email;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.database.AfterCommit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The email engine's public API. Modules call {@link #send} inside the transaction that causes the message, so the
 * message exists if and only if the change does; delivery happens after the commit, exactly once per idempotency key.
 * No module builds MIME messages or talks SMTP itself.
 */
@Service
public class Mail {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String LETTER_COLUMN = "email_letters.content";
    static final String RECIPIENT_COLUMN = "email_outbox.recipient";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Outbox outbox;
    private final PersonalData personalData;
    private final Delivery delivery;
    private final Clock clock;
    private final String messageIdDomain;

    Mail(Outbox outbox, PersonalData personalData, Delivery delivery, Clock clock, ChorusProperties settings) {
        this.outbox = outbox;
        this.personalData = personalData;
        this.delivery = delivery;
        this.clock = clock;
        this.messageIdDomain =
                Objects.requireNonNullElse(URI.create(settings.baseUrl()).getHost(), "chorus.invalid");
    }

    /** Queues one letter to one addressee; returns false when a message with the same key was queued before. */
    @Transactional
    public boolean send(Letter letter, Addressee to) {
        return sendAll(letter, List.of(to)) == 1;
    }

    /** Queues one letter to many addressees (all in the letter's language); returns how many were new. */
    @Transactional
    public int sendAll(Letter letter, Collection<Addressee> addressees) {
        if (addressees.isEmpty()) {
            return 0;
        }
        var now = clock.instant();
        var letterId = outbox.insertLetter(
                letter.kind(),
                letter.language().tag(),
                letter.batch(),
                personalData.seal(JSON.writeValueAsString(letter), LETTER_COLUMN),
                now);
        var messages = addressees.stream().map(this::message).toList();
        var inserted = outbox.insertMessages(letterId, letter.batch(), messages, now);
        deliverAfterCommit();
        return inserted;
    }

    /**
     * One letter to one addressee, for {@link #sendEach}, held until {@code after} has passed from the moment it is
     * queued (zero: sent at once). A letter queued ahead of its moment can still be cancelled until then
     * ({@link #withdrawBatches}).
     */
    public record Outgoing(Letter letter, Addressee to, Duration after) {
        public Outgoing(Letter letter, Addressee to) {
            this(letter, to, Duration.ZERO);
        }
    }

    /**
     * Queues letters that differ for each addressee (reminders: each names its person and their link) in two
     * statements for all of them, instead of two for each; returns how many were new. A message whose key was queued
     * before is skipped, as by {@link #send}. Sending starts after the commit, each message at its moment.
     */
    @Transactional
    public int sendEach(List<Outgoing> outgoing) {
        if (outgoing.isEmpty()) {
            return 0;
        }
        var now = clock.instant();
        var each = outgoing.stream()
                .map(o -> new Outbox.NewEach(
                        new Outbox.NewLetter(
                                o.letter().kind(),
                                o.letter().language().tag(),
                                o.letter().batch(),
                                personalData.seal(JSON.writeValueAsString(o.letter()), LETTER_COLUMN)),
                        message(o.to()),
                        now.plus(o.after())))
                .toList();
        var inserted = outbox.insertEach(each, now);
        // one wake-up for each moment (reminders of one batch mostly share a few), not before it
        var moments = new java.util.TreeSet<Instant>();
        each.forEach(e -> moments.add(e.notBefore()));
        AfterCommit.run(() -> moments.forEach(delivery::wakeUpAt));
        return inserted;
    }

    /**
     * Withdraws the messages of these batches ({@link Letter#batch()}) that are still queued, at once or for later: they
     * are not sent, and their idempotency keys are free again (what they said changed before their moment, and the
     * letter that replaces them may take the same key). Returns how many were withdrawn.
     */
    @Transactional
    public int withdrawBatches(Collection<String> batches) {
        return batches.isEmpty() ? 0 : outbox.withdrawBatches(batches);
    }

    /** Progress of the messages sent with {@link Letter#batch()} = {@code batch}. */
    public MailProgress progress(String batch) {
        return outbox.progress(batch);
    }

    /** Someone left a list: its messages still queued are not sent. Returns how many were stopped. */
    @Transactional
    public int stopList(String list) {
        return outbox.stopList(list);
    }

    /**
     * The messages with these idempotency keys that are still queued are not sent (what caused them was undone, e.g.
     * sign-ons discarded as a flood); a message already being sent goes on. Returns how many were stopped.
     */
    @Transactional
    public int cancel(Collection<String> idempotencyKeys, String why) {
        return idempotencyKeys.isEmpty() ? 0 : outbox.cancelAll(idempotencyKeys, why);
    }

    /** Whether subscribed mail to this address is suppressed (it bounced hard). */
    public boolean isSuppressed(String address) {
        return outbox.suppressed(personalData.emailIndex(address));
    }

    /** How many of these blind indexes ({@link PersonalData#emailIndex}) are suppressed addresses. */
    public long countSuppressed(Collection<byte[]> emailIndexes) {
        return outbox.countSuppressed(emailIndexes);
    }

    /** How many addresses are suppressed in all (hard bounces and complaints). */
    public long suppressedCount() {
        return outbox.countAllSuppressed();
    }

    /** One message to the addressee, as the outbox keeps it: its address sealed, with its blind index. */
    private Outbox.NewMessage message(Addressee to) {
        return new Outbox.NewMessage(
                to.key(),
                newMessageId(),
                personalData.seal(JSON.writeValueAsString(Recipient.of(to)), RECIPIENT_COLUMN),
                personalData.emailIndex(to.address()),
                to.subscription() == null ? null : to.subscription().list());
    }

    private String newMessageId() {
        var bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "<" + HexFormat.of().formatHex(bytes) + "@" + messageIdDomain + ">";
    }

    private void deliverAfterCommit() {
        AfterCommit.run(delivery::wakeUp);
    }

    /** What the outbox keeps (sealed) about the addressee of one message. */
    record Recipient(String address, String name, String unsubscribeUrl, String preferencesUrl) {
        static Recipient of(Addressee to) {
            var subscription = to.subscription();
            return new Recipient(
                    to.address(),
                    to.name(),
                    subscription == null ? null : subscription.unsubscribeUrl(),
                    subscription == null ? null : subscription.preferencesUrl());
        }
    }
}

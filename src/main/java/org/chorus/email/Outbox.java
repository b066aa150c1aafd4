package org.chorus.email;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox tables. A message moves queued → claimed (a node holds a lease on it) → sending (recorded, and
 * committed, just before the final dot of SMTP DATA) → sent. A claim whose lease ran out goes back to the queue: its
 * DATA was never finished, so no server has it. A message still "sending" when its lease runs out may or may not have
 * reached the server: it becomes "unknown" and is never resent by itself.
 */
@Repository
class Outbox {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Outbox(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long insertLetter(String kind, String language, String batch, byte[] content, Instant now) {
        return jdbc.sql("""
                        INSERT INTO email_letters (kind, language, batch, content, created_at)
                        VALUES (:kind, :language, :batch, :content, :now) RETURNING id""")
                .param("kind", kind)
                .param("language", language)
                .param("batch", batch)
                .param("content", content)
                .param("now", java.sql.Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    record NewMessage(String key, String messageId, byte[] recipient, byte[] recipientIndex, String list) {}

    record NewLetter(String kind, String language, String batch, byte[] content) {}

    /** A letter and its one message, due at {@code notBefore}. */
    record NewEach(NewLetter letter, NewMessage message, Instant notBefore) {}

    /**
     * Inserts one letter per message, each message due at its own moment, in two statements: the letters with ids
     * taken from their sequence first (so each message knows its own), then the messages, skipping any whose
     * idempotency key is already in the outbox (its letter stays unread until retention deletes it). Returns how many
     * messages were new.
     */
    int insertEach(List<NewEach> each, Instant now) {
        var letters = each.stream().map(NewEach::letter).toList();
        var messages = each.stream().map(NewEach::message).toList();
        var ids = jdbc.sql("""
                        SELECT nextval(pg_get_serial_sequence('email_letters', 'id'))
                        FROM generate_series(1, :n)""").param("n", letters.size()).query(Long.class).list();
        var created = java.sql.Timestamp.from(now);
        var base64 = java.util.Base64.getEncoder();
        return template.execute((java.sql.Connection connection) -> {
            try (var statement = connection.prepareStatement("""
                    INSERT INTO email_letters (id, kind, language, batch, content, created_at) OVERRIDING SYSTEM VALUE
                    SELECT l.id, l.kind, l.language, l.batch, decode(l.content, 'base64'), ?
                    FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])
                        AS l(id, kind, language, batch, content)""")) {
                statement.setTimestamp(1, created);
                statement.setArray(2, connection.createArrayOf("bigint", ids.toArray(Long[]::new)));
                statement.setArray(
                        3,
                        connection.createArrayOf(
                                "text", letters.stream().map(NewLetter::kind).toArray()));
                statement.setArray(
                        4,
                        connection.createArrayOf(
                                "text",
                                letters.stream().map(NewLetter::language).toArray()));
                statement.setArray(
                        5,
                        connection.createArrayOf(
                                "text", letters.stream().map(NewLetter::batch).toArray()));
                statement.setArray(
                        6,
                        connection.createArrayOf(
                                "text",
                                letters.stream()
                                        .map(l -> base64.encodeToString(l.content()))
                                        .toArray()));
                statement.executeUpdate();
            }
            return insertMessageRows(
                    connection,
                    ids,
                    messages,
                    letters.stream().map(NewLetter::batch).toList(),
                    each.stream().map(NewEach::notBefore).toList(),
                    created);
        });
    }

    /**
     * Inserts messages, skipping any whose idempotency key is already in the outbox; returns how many were new. Rows go
     * in as arrays unnested by PostgreSQL, 5,000 per statement, so a fan-out to 100,000 takes 20 round trips.
     */
    int insertMessages(long letterId, String batch, List<NewMessage> messages, Instant now) {
        var created = java.sql.Timestamp.from(now);
        int inserted = 0;
        for (int from = 0; from < messages.size(); from += 5000) {
            var chunk = messages.subList(from, Math.min(messages.size(), from + 5000));
            var n = chunk.size();
            inserted += template.execute((java.sql.Connection connection) -> insertMessageRows(
                    connection,
                    java.util.Collections.nCopies(n, letterId),
                    chunk,
                    java.util.Collections.nCopies(n, batch),
                    java.util.Collections.nCopies(n, now),
                    created));
        }
        return inserted;
    }

    /**
     * One statement for these messages: the n-th of each list is the n-th message's letter, batch and moment. A message
     * whose idempotency key is already in the outbox is skipped; returns how many were new.
     */
    private static int insertMessageRows(
            java.sql.Connection connection,
            List<Long> letterIds,
            List<NewMessage> messages,
            List<String> batches,
            List<Instant> notBefore,
            java.sql.Timestamp created)
            throws java.sql.SQLException {
        var base64 = java.util.Base64.getEncoder();
        try (var statement = connection.prepareStatement("""
                INSERT INTO email_outbox (letter_id, idempotency_key, message_id, recipient, recipient_index,
                                          list, batch, not_before, created_at)
                SELECT m.letter_id, m.key, m.message_id, decode(m.recipient, 'base64'),
                       decode(m.recipient_index, 'base64'), m.list, m.batch, m.not_before, ?
                FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::timestamptz[])
                    AS m(letter_id, key, message_id, recipient, recipient_index, list, batch, not_before)
                ON CONFLICT (idempotency_key) DO NOTHING""")) {
            statement.setTimestamp(1, created);
            statement.setArray(2, connection.createArrayOf("bigint", letterIds.toArray()));
            statement.setArray(
                    3,
                    connection.createArrayOf(
                            "text", messages.stream().map(NewMessage::key).toArray()));
            statement.setArray(
                    4,
                    connection.createArrayOf(
                            "text", messages.stream().map(NewMessage::messageId).toArray()));
            statement.setArray(
                    5,
                    connection.createArrayOf(
                            "text",
                            messages.stream()
                                    .map(m -> base64.encodeToString(m.recipient()))
                                    .toArray()));
            statement.setArray(
                    6,
                    connection.createArrayOf(
                            "text",
                            messages.stream()
                                    .map(m -> base64.encodeToString(m.recipientIndex()))
                                    .toArray()));
            statement.setArray(
                    7,
                    connection.createArrayOf(
                            "text", messages.stream().map(NewMessage::list).toArray()));
            statement.setArray(8, connection.createArrayOf("text", batches.toArray()));
            statement.setArray(
                    9,
                    connection.createArrayOf(
                            "timestamptz",
                            notBefore.stream().map(java.sql.Timestamp::from).toArray()));
            return statement.executeUpdate();
        }
    }

    /**
     * Claims up to {@code limit} due messages for this node until {@code leaseUntil}, skipping rows another node holds;
     * subscribed mail to a suppressed address is marked suppressed instead.
     */
    List<OutboxMessage> claim(UUID claim, int limit, Instant now, Instant leaseUntil) {
        while (true) {
            var claimed = claimOnce(claim, limit, now, leaseUntil);
            // a batch made only of suppressed addresses (a big announcement) is not the end of the queue
            if (claimed == null || !claimed.isEmpty()) {
                return claimed == null ? List.of() : claimed;
            }
        }
    }

    /** The sendable messages of one claim; null when nothing at all was due. */
    private List<OutboxMessage> claimOnce(UUID claim, int limit, Instant now, Instant leaseUntil) {
        var claimed = jdbc.sql("""
                        UPDATE email_outbox o SET status = 'claimed', lease_until = :lease, attempts = o.attempts + 1,
                            claimed_by = :claim
                        WHERE o.id IN (
                            SELECT id FROM email_outbox
                            WHERE (status = 'queued' AND not_before <= :now) OR (status = 'claimed' AND lease_until < :now)
                            ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING o.id, o.letter_id, o.message_id, o.recipient, o.list, o.attempts,
                            (o.list IS NOT NULL AND EXISTS (
                                SELECT 1 FROM email_suppressions s WHERE s.recipient_index = o.recipient_index))
                                AS suppressed""")
                .param("lease", java.sql.Timestamp.from(leaseUntil))
                .param("now", java.sql.Timestamp.from(now))
                .param("limit", limit)
                .param("claim", claim)
                .query((rs, n) -> rs.getBoolean("suppressed")
                        ? new OutboxMessage(rs.getLong("id"), -1, null, null, null, 0)
                        : new OutboxMessage(
                                rs.getLong("id"),
                                rs.getLong("letter_id"),
                                rs.getString("message_id"),
                                rs.getBytes("recipient"),
                                rs.getString("list"),
                                rs.getInt("attempts")))
                .list();
        var suppressed = claimed.stream()
                .filter(m -> m.letterId() < 0)
                .map(OutboxMessage::id)
                .toList();
        if (!suppressed.isEmpty()) {
            setStatus(claim, suppressed, "suppressed", null);
        }
        return claimed.isEmpty()
                ? null
                : claimed.stream().filter(m -> m.letterId() >= 0).toList();
    }

    /**
     * The commit point, run just before the final dot of DATA: marks {@code sending} as being sent and, in the same
     * transaction, {@code previous} (the message before it on this connection, already accepted) as sent.
     */
    void markSending(UUID claim, long sending, Long previous, Instant now) {
        // one statement, so one round trip and one commit per message: this is the cost every message pays
        var marked = jdbc.sql("""
                        UPDATE email_outbox SET
                            status = CASE WHEN id = :id THEN 'sending' ELSE 'sent' END,
                            sent_at = CASE WHEN id = :id THEN NULL ELSE CAST(:now AS timestamptz) END,
                            lease_until = CASE WHEN id = :id THEN lease_until ELSE NULL END
                        WHERE (id = :id AND status = 'claimed' AND claimed_by = :claim AND lease_until > :now)
                           OR (id = :previous AND status = 'sending')
                        RETURNING id""")
                .param("id", sending)
                .param("previous", previous == null ? -1L : previous)
                .param("claim", claim)
                .param("now", java.sql.Timestamp.from(now))
                .query(Long.class)
                .list();
        if (!marked.contains(sending)) {
            throw new IllegalStateException("message " + sending + " is no longer claimed by this sender");
        }
    }

    /** Extends this claim's lease on the messages it has not sent yet; returns how many it still holds. */
    int renewLease(UUID claim, Instant leaseUntil) {
        return jdbc.sql("""
                        UPDATE email_outbox SET lease_until = :lease
                        WHERE claimed_by = :claim AND status IN ('claimed', 'sending')""")
                .param("lease", java.sql.Timestamp.from(leaseUntil))
                .param("claim", claim)
                .update();
    }

    void markSent(long id, Instant now) {
        jdbc.sql("""
                        UPDATE email_outbox SET status = 'sent', sent_at = :now, lease_until = NULL, last_error = NULL
                        WHERE id = :id AND status = 'sending'""").param("id", id).param("now", java.sql.Timestamp.from(now)).update();
    }

    /** The server refused the message for now: back to the queue after {@code notBefore}. */
    void retryLater(UUID claim, long id, Instant notBefore, String error) {
        jdbc.sql("""
                        UPDATE email_outbox SET status = 'queued', lease_until = NULL, not_before = :notBefore,
                            last_error = :error WHERE id = :id AND status IN ('claimed', 'sending') AND claimed_by = :claim""")
                .param("claim", claim)
                .param("id", id)
                .param("notBefore", java.sql.Timestamp.from(notBefore))
                .param("error", error)
                .update();
    }

    void setStatus(UUID claim, Collection<Long> ids, String status, String error) {
        jdbc.sql("""
                        UPDATE email_outbox SET status = :status, lease_until = NULL, last_error = :error
                        WHERE id = ANY(:ids) AND status IN ('claimed', 'sending') AND claimed_by = :claim""")
                .param("claim", claim)
                .param("status", status)
                .param("error", error)
                .param("ids", ids.toArray(Long[]::new))
                .update();
    }

    /** Messages whose "sending" lease ran out: nobody knows whether the server got them. Returns how many. */
    int markUncertain(Instant now) {
        return jdbc.sql("""
                        UPDATE email_outbox SET status = 'unknown', lease_until = NULL,
                            last_error = 'the sender stopped between the end of DATA and recording the answer'
                        WHERE status = 'sending' AND lease_until < :now""").param("now", java.sql.Timestamp.from(now)).update();
    }

    record Outcome(String status, String lastError, String messageId) {}

    Optional<Outcome> outcome(String idempotencyKey) {
        return jdbc.sql("SELECT status, last_error, message_id FROM email_outbox WHERE idempotency_key = :key")
                .param("key", idempotencyKey)
                .query(Outcome.class)
                .optional();
    }

    record Uncertain(long id, String messageId, Instant createdAt, String batch) {}

    List<Uncertain> uncertain(int limit) {
        return jdbc.sql("""
                        SELECT id, message_id, created_at, batch FROM email_outbox WHERE status = 'unknown'
                        ORDER BY id LIMIT :limit""").param("limit", limit).query(Uncertain.class).list();
    }

    /** An operator decided: the unknown messages go out again, with the same Message-ID. Returns how many. */
    int requeueUncertain(Instant now) {
        return jdbc.sql("""
                        UPDATE email_outbox SET status = 'queued', not_before = :now, claimed_by = NULL, lease_until = NULL,
                            last_error = 'resent by an operator after an interrupted send'
                        WHERE status = 'unknown'""").param("now", java.sql.Timestamp.from(now)).update();
    }

    /** Gives up on a message that is not sent yet. */
    void cancel(String idempotencyKey, String error) {
        jdbc.sql("""
                        UPDATE email_outbox SET status = 'failed', last_error = :error
                        WHERE idempotency_key = :key AND status IN ('queued', 'claimed')""").param("key", idempotencyKey).param("error", error).update();
    }

    /** Gives up on those of these messages that are not sent yet; returns how many. */
    int cancelAll(java.util.Collection<String> idempotencyKeys, String error) {
        int cancelled = 0;
        var keys = List.copyOf(idempotencyKeys);
        for (int from = 0; from < keys.size(); from += 1000) {
            cancelled += jdbc.sql("""
                            UPDATE email_outbox SET status = 'failed', last_error = :error
                            WHERE idempotency_key IN (:keys) AND status = 'queued'""")
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + 1000)))
                    .param("error", error)
                    .update();
        }
        return cancelled;
    }

    /**
     * Deletes the still queued messages of these batches, as if they had never been queued (so the same keys can be
     * queued again, with what changed); their letters stay unread until retention deletes them. Returns how many.
     */
    int withdrawBatches(java.util.Collection<String> batches) {
        return jdbc.sql("DELETE FROM email_outbox WHERE batch = ANY(:batches) AND status = 'queued'")
                .param("batches", batches.toArray(String[]::new))
                .update();
    }

    /** The sealed contents of these letters, by id, in one query (those still there). */
    Map<Long, byte[]> letterContents(Collection<Long> letterIds) {
        var found = new HashMap<Long, byte[]>();
        jdbc.sql("SELECT id, content FROM email_letters WHERE id = ANY(:ids)")
                .param("ids", letterIds.toArray(Long[]::new))
                .query((rs, n) -> found.put(rs.getLong(1), rs.getBytes(2)))
                .list();
        return found;
    }

    Optional<byte[]> letterContent(long letterId) {
        return jdbc.sql("SELECT content FROM email_letters WHERE id = :id")
                .param("id", letterId)
                .query(byte[].class)
                .optional();
    }

    /** Queued messages of a list stop: the recipient unsubscribed. Returns how many. */
    int stopList(String list) {
        return jdbc.sql("UPDATE email_outbox SET status = 'unsubscribed' WHERE list = :list AND status = 'queued'")
                .param("list", list)
                .update();
    }

    MailProgress progress(String batch) {
        var counts = new HashMap<String, Long>();
        jdbc.sql("SELECT status, count(*) AS n FROM email_outbox WHERE batch = :batch GROUP BY status")
                .param("batch", batch)
                .query((rs, n) -> counts.put(rs.getString("status"), rs.getLong("n")))
                .list();
        return progress(counts);
    }

    static MailProgress progress(Map<String, Long> counts) {
        return new MailProgress(
                counts.getOrDefault("queued", 0L)
                        + counts.getOrDefault("claimed", 0L)
                        + counts.getOrDefault("sending", 0L),
                counts.getOrDefault("sent", 0L),
                counts.getOrDefault("bounced", 0L),
                counts.getOrDefault("unsubscribed", 0L),
                counts.getOrDefault("suppressed", 0L),
                counts.getOrDefault("failed", 0L),
                counts.getOrDefault("unknown", 0L));
    }

    /** A hard bounce names the message it answers: the message becomes bounced. */
    boolean markBounced(String messageId) {
        return jdbc.sql("UPDATE email_outbox SET status = 'bounced' WHERE message_id = :id AND status = 'sent'")
                        .param("id", messageId)
                        .update()
                > 0;
    }

    Optional<byte[]> recipientIndexOf(String messageId) {
        return jdbc.sql("SELECT recipient_index FROM email_outbox WHERE message_id = :id")
                .param("id", messageId)
                .query(byte[].class)
                .optional();
    }

    void suppress(byte[] recipientIndex, String reason, Instant now) {
        jdbc.sql("""
                        INSERT INTO email_suppressions (recipient_index, reason, created_at) VALUES (:index, :reason, :now)
                        ON CONFLICT (recipient_index) DO NOTHING""")
                .param("index", recipientIndex)
                .param("reason", reason)
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }

    /** Whether a message to this address was handed to a server (bounces are believed only for those). */
    boolean sentTo(byte[] recipientIndex) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM email_outbox WHERE recipient_index = :index
                            AND status IN ('sent', 'bounced', 'unknown'))""").param("index", recipientIndex).query(Boolean.class).single();
    }

    long countAllSuppressed() {
        return jdbc.sql("SELECT count(*) FROM email_suppressions")
                .query(Long.class)
                .single();
    }

    boolean suppressed(byte[] recipientIndex) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM email_suppressions WHERE recipient_index = :index)")
                .param("index", recipientIndex)
                .query(Boolean.class)
                .single();
    }

    long countSuppressed(Collection<byte[]> indexes) {
        if (indexes.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM email_suppressions WHERE recipient_index = ANY(:indexes)")
                .param("indexes", new ArrayList<>(indexes).toArray(byte[][]::new))
                .query(Long.class)
                .single();
    }

    /** Deletes sent, failed and stopped messages older than {@code before}, and letters no message needs any more. */
    int deleteFinishedBefore(Instant before) {
        var deleted =
                jdbc.sql("""
                        DELETE FROM email_outbox WHERE created_at < :before
                            AND status IN ('sent', 'failed', 'suppressed', 'unsubscribed', 'bounced', 'unknown')""").param("before", java.sql.Timestamp.from(before)).update();
        jdbc.sql("""
                        DELETE FROM email_letters l WHERE l.created_at < :before
                            AND NOT EXISTS (SELECT 1 FROM email_outbox o WHERE o.letter_id = l.id)""").param("before", java.sql.Timestamp.from(before)).update();
        return deleted;
    }
}

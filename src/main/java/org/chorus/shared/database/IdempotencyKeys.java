package org.chorus.shared.database;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The answers kept for API creates by {@code Idempotency-Key} ({@code api_idempotency_keys}): claimed by the first
 * request (a row inserted in its transaction, which a second request with the key waits on), completed with its
 * answer, read back by a retry, forgotten after {@link #KEPT}.
 */
@Component
public class IdempotencyKeys {

    public static final Duration KEPT = Duration.ofDays(1);

    /** What a first request answered, and a hash of what it asked. */
    public record Kept(String requestHash, int status, String location, byte[] body) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims the key for this request, in the caller's transaction; false when another request had it. */
    public boolean claim(UUID account, String key, String requestHash) {
        return jdbc.sql("""
                                insert into api_idempotency_keys
                                    (account_id, key, request_hash, status, body, created_at)
                                values (:account, :key, :hash, 0, '', :now)
                                on conflict (account_id, key) do nothing""")
                        .param("account", account)
                        .param("key", key)
                        .param("hash", requestHash)
                        .param("now", Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    /** Keeps the answer of the request that claimed the key. */
    public void complete(UUID account, String key, int status, String location, byte[] body) {
        jdbc.sql("""
                        update api_idempotency_keys set status = :status, location = :location, body = :body
                         where account_id = :account and key = :key""")
                .param("status", status)
                .param("location", location)
                .param("body", body)
                .param("account", account)
                .param("key", key)
                .update();
    }

    public Optional<Kept> kept(UUID account, String key) {
        return jdbc.sql("""
                        select request_hash, status, location, body from api_idempotency_keys
                         where account_id = :account and key = :key""")
                .param("account", account)
                .param("key", key)
                .query((rs, n) -> new Kept(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }

    /** Forgets answers older than {@link #KEPT}; returns how many. */
    public int forgetBefore(Instant now) {
        return jdbc.sql("delete from api_idempotency_keys where created_at < :before")
                .param("before", Timestamp.from(now.minus(KEPT)))
                .update();
    }
}

package org.chorus.shared.web;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.chorus.shared.DomainException;
import org.chorus.shared.SecretToken;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on API creates (the IETF draft, as Stripe honours it): the first request with a key creates
 * and its answer is kept a day with a hash of its body; the same key again, from the same account, gets that answer
 * again (with {@code Idempotent-Replayed: true}) and creates nothing; the same key with another body is refused with
 * 422. The creation and the keeping happen in one transaction, so a client retrying after a lost answer, or two
 * requests racing with one key, create one thing: the second waits for the first's row and then reads its answer.
 */
@Component
public class IdempotentCreates {

    public static final String HEADER = "Idempotency-Key";
    static final Duration KEPT = Duration.ofDays(1);
    private static final int KEY_MAX = 255;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    IdempotentCreates(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Creates with {@code create} once per key: {@code key} null or blank creates every time; {@code request} is what
     * the client asked (hashed, to tell a retry from another request under the same key).
     */
    public ResponseEntity<?> once(UUID account, String key, Object request, Supplier<ResponseEntity<?>> create) {
        if (key == null || key.isBlank()) {
            return create.get();
        }
        if (key.length() > KEY_MAX) {
            throw new DomainException(400, "api.idempotency-key-too-long", KEY_MAX);
        }
        var hash = SecretToken.hash(JSON.writeValueAsString(request));
        return tx.execute(status -> {
            int claimed = jdbc.sql("""
                            insert into api_idempotency_keys
                                (account_id, key, request_hash, status, body, created_at)
                            values (:account, :key, :hash, 0, '', :now)
                            on conflict (account_id, key) do nothing""")
                    .param("account", account)
                    .param("key", key)
                    .param("hash", hash)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            if (claimed == 0) {
                return replay(account, key, hash);
            }
            var answer = create.get();
            jdbc.sql("""
                            update api_idempotency_keys set status = :status, location = :location, body = :body
                             where account_id = :account and key = :key""")
                    .param("status", answer.getStatusCode().value())
                    .param(
                            "location",
                            answer.getHeaders().getLocation() == null
                                    ? null
                                    : answer.getHeaders().getLocation().toString())
                    .param("body", JSON.writeValueAsBytes(answer.getBody()))
                    .param("account", account)
                    .param("key", key)
                    .update();
            return answer;
        });
    }

    private ResponseEntity<?> replay(UUID account, String key, String hash) {
        record Kept(String hash, int status, String location, byte[] body) {}
        var kept = jdbc.sql("""
                        select request_hash, status, location, body from api_idempotency_keys
                         where account_id = :account and key = :key""")
                .param("account", account)
                .param("key", key)
                .query((rs, n) -> new Kept(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBytes(4)))
                .single();
        if (!kept.hash().equals(hash)) {
            throw new DomainException(422, "api.idempotency-key-reused");
        }
        var answer = ResponseEntity.status(kept.status())
                .header("Idempotent-Replayed", "true")
                .contentType(MediaType.APPLICATION_JSON);
        if (kept.location() != null) {
            answer.header(HttpHeaders.LOCATION, URI.create(kept.location()).toString());
        }
        return answer.body(kept.body());
    }

    /** Forgets answers older than {@link #KEPT}; returns how many. */
    public int forgetBefore(Instant now) {
        return jdbc.sql("delete from api_idempotency_keys where created_at < :before")
                .param("before", Timestamp.from(now.minus(KEPT)))
                .update();
    }
}

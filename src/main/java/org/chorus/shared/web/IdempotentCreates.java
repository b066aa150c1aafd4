package org.chorus.shared.web;

import java.net.URI;
import java.util.UUID;
import java.util.function.Supplier;
import org.chorus.shared.DomainException;
import org.chorus.shared.SecretToken;
import org.chorus.shared.database.IdempotencyKeys;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on API creates (the IETF draft, as Stripe honours it): the first request with a key creates
 * and its answer is kept a day ({@link IdempotencyKeys}) with a hash of its body; the same key again, from the same account, gets that answer
 * again (with {@code Idempotent-Replayed: true}) and creates nothing; the same key with another body is refused with
 * 422. The creation and the keeping happen in one transaction, so a client retrying after a lost answer, or two
 * requests racing with one key, create one thing: the second waits for the first's row and then reads its answer.
 */
@Component
public class IdempotentCreates {

    public static final String HEADER = "Idempotency-Key";
    private static final int KEY_MAX = 255;
    private final IdempotencyKeys keys;
    private final TransactionTemplate tx;
    // the application's mapper, as the answer's converter writes it, so a replay is the same bytes
    private final JsonMapper json;

    IdempotentCreates(IdempotencyKeys keys, PlatformTransactionManager transactions, JsonMapper json) {
        this.keys = keys;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
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
        var hash = SecretToken.hash(json.writeValueAsString(request));
        return tx.execute(status -> {
            if (!keys.claim(account, key, hash)) {
                return replay(account, key, hash);
            }
            var answer = create.get();
            var location = answer.getHeaders().getLocation();
            keys.complete(
                    account,
                    key,
                    answer.getStatusCode().value(),
                    location == null ? null : location.toString(),
                    json.writeValueAsBytes(answer.getBody()));
            return answer;
        });
    }

    private ResponseEntity<?> replay(UUID account, String key, String hash) {
        var kept = keys.kept(account, key).orElseThrow();
        if (!kept.requestHash().equals(hash)) {
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
}

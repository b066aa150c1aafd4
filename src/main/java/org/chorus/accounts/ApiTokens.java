package org.chorus.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.SecretToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: shown once when created ({@code chorus_…}), stored as a SHA-256 hash, sent by clients as
 * {@code Authorization: Bearer chorus_…}. A token acts with its owner's permissions.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "chorus_";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Creates a token for the account with that address and returns it; it cannot be shown again. */
    @Transactional
    public String create(String email, String label) {
        var account = accounts.byEmail(email).orElseThrow(() -> new NotFoundException("account.not-found"));
        var token = SecretToken.generate(PREFIX);
        jdbc.sql("""
                        insert into api_tokens (id, account_id, token_hash, label, created_at)
                        values (:id, :account, :hash, :label, :created)
                        """)
                .param("id", UUID.randomUUID())
                .param("account", account.id().value())
                .param("hash", token.hash())
                .param("label", label == null || label.isBlank() ? "api" : label.strip())
                .param("created", Timestamp.from(clock.instant()))
                .update();
        return token.value();
    }

    /** The active account a token belongs to, if the token exists and is not revoked. */
    @Transactional
    public Optional<ChorusUser> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        update api_tokens set last_used_at = :now
                        where token_hash = :hash and revoked_at is null
                        returning account_id
                        """)
                .param("hash", SecretToken.hash(token))
                .param("now", Timestamp.from(clock.instant()))
                .query(UUID.class)
                .optional()
                .flatMap(id -> accounts.byId(new AccountId(id)))
                .filter(Account::active)
                .map(ChorusUser::new);
    }
}

package org.chorus.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores password reset links (hashed) in {@code password_resets}. */
@Repository
class PasswordResets {

    private final JdbcClient jdbc;

    PasswordResets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tokenHash, AccountId account, Instant createdAt, Instant expiresAt) {
        jdbc.sql("""
                        insert into password_resets (token_hash, account_id, created_at, expires_at)
                        values (:hash, :account, :created, :expires)
                        """)
                .param("hash", tokenHash)
                .param("account", account.value())
                .param("created", Timestamp.from(createdAt))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** Marks the link used if it is valid now; returns whose it was. Atomic, so a link works once. */
    Optional<AccountId> use(String tokenHash, Instant now) {
        return jdbc.sql("""
                        update password_resets set used_at = :now
                        where token_hash = :hash and used_at is null and expires_at > :now
                        returning account_id
                        """)
                .param("hash", tokenHash)
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .optional()
                .map(AccountId::new);
    }

    boolean usable(String tokenHash, Instant now) {
        return jdbc.sql(
                                "select count(*) from password_resets where token_hash = :hash and used_at is null and expires_at > :now")
                        .param("hash", tokenHash)
                        .param("now", Timestamp.from(now))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** How many links the account was sent since then, used or not. */
    int requestedSince(AccountId account, Instant since) {
        return jdbc.sql("select count(*) from password_resets where account_id = :account and created_at > :since")
                .param("account", account.value())
                .param("since", Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    void invalidateAll(AccountId account, Instant now) {
        jdbc.sql("update password_resets set used_at = :now where account_id = :account and used_at is null")
                .param("account", account.value())
                .param("now", Timestamp.from(now))
                .update();
    }
}

package org.chorus.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.chorus.shared.crypto.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores the one-time links that confirm an address in {@code address_confirmations}: the token hashed, and for a
 * change of address the new address sealed with its blind index.
 */
@Repository
class AddressConfirmations {

    static final String NEW_EMAIL_COLUMN = "address_confirmations.new_email";

    /** A link that has not expired; {@code newEmail} is null for the sign-up address. */
    record Link(AccountId account, String newEmail, boolean used) {}

    private final JdbcClient jdbc;
    private final PersonalData personalData;

    AddressConfirmations(JdbcClient jdbc, PersonalData personalData) {
        this.jdbc = jdbc;
        this.personalData = personalData;
    }

    void insert(String tokenHash, AccountId account, String newEmail, Instant createdAt, Instant expiresAt) {
        jdbc.sql("""
                        insert into address_confirmations (token_hash, account_id, new_email, new_email_index,
                                                           created_at, expires_at)
                        values (:hash, :account, :email, :index, :created, :expires)
                        """)
                .param("hash", tokenHash)
                .param("account", account.value())
                .param("email", personalData.seal(newEmail, NEW_EMAIL_COLUMN))
                .param("index", newEmail == null ? null : personalData.emailIndex(newEmail))
                .param("created", Timestamp.from(createdAt))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    Optional<Link> find(String tokenHash, Instant now) {
        return jdbc.sql("""
                        select account_id, new_email, used_at is not null from address_confirmations
                        where token_hash = :hash and expires_at > :now
                        """)
                .param("hash", tokenHash)
                .param("now", Timestamp.from(now))
                .query((rs, i) -> new Link(
                        new AccountId(rs.getObject(1, UUID.class)),
                        personalData.open(rs.getBytes(2), NEW_EMAIL_COLUMN),
                        rs.getBoolean(3)))
                .optional();
    }

    /** Marks the link used; false if it was used already (or expired). Atomic, so a link acts once. */
    boolean use(String tokenHash, Instant now) {
        return jdbc.sql("""
                        update address_confirmations set used_at = :now
                        where token_hash = :hash and used_at is null and expires_at > :now
                        """)
                        .param("hash", tokenHash)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Ends the account's open links to change its address, so only the latest request can complete. */
    void withdrawChanges(AccountId account, Instant now) {
        jdbc.sql("""
                        update address_confirmations set expires_at = :now
                        where account_id = :account and new_email is not null and used_at is null and expires_at > :now
                        """)
                .param("account", account.value())
                .param("now", Timestamp.from(now))
                .update();
    }
}

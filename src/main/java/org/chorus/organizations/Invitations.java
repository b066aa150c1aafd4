package org.chorus.organizations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.shared.crypto.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores invitations in {@code invitations}: the link's token hashed, the invited address sealed with its blind index.
 */
@Repository
class Invitations {

    /** The associated data that binds a sealed address to this column. */
    static final String EMAIL_COLUMN = "invitations.email";

    /** An open invitation as its link shows it. */
    record Open(
            String tokenHash,
            OrganizationId organization,
            String email,
            byte[] emailIndex,
            Role role,
            Instant expiresAt) {

        boolean isFor(byte[] addressIndex) {
            return java.security.MessageDigest.isEqual(emailIndex, addressIndex);
        }
    }

    private final JdbcClient jdbc;
    private final PersonalData personalData;

    Invitations(JdbcClient jdbc, PersonalData personalData) {
        this.jdbc = jdbc;
        this.personalData = personalData;
    }

    void insert(
            String tokenHash, OrganizationId org, String email, Role role, AccountId by, Instant at, Instant expires) {
        jdbc.sql("""
                        insert into invitations (token_hash, organization_id, email_sealed, email_index, role, invited_by,
                                                 created_at, expires_at)
                        values (:hash, :org, :email, :index, :role, :by, :at, :expires)
                        """)
                .param("hash", tokenHash)
                .param("org", org.value())
                .param("email", personalData.seal(email.strip(), EMAIL_COLUMN))
                .param("index", personalData.emailIndex(email))
                .param("role", role.name())
                .param("by", by.value())
                .param("at", Timestamp.from(at))
                .param("expires", Timestamp.from(expires))
                .update();
    }

    Optional<Open> open(String tokenHash, Instant now) {
        return jdbc.sql("""
                        select token_hash, organization_id, email_sealed, email_index, role, expires_at from invitations
                        where token_hash = :hash and accepted_at is null and expires_at > :now
                        """)
                .param("hash", tokenHash)
                .param("now", Timestamp.from(now))
                .query((rs, i) -> new Open(
                        rs.getString(1),
                        new OrganizationId(rs.getObject(2, UUID.class)),
                        personalData.open(rs.getBytes(3), EMAIL_COLUMN),
                        rs.getBytes(4),
                        Role.valueOf(rs.getString(5)),
                        rs.getTimestamp(6).toInstant()))
                .optional();
    }

    /** Marks the invitation accepted; false if someone else used it first. */
    boolean accept(String tokenHash, AccountId by, Instant at) {
        return jdbc.sql("""
                        update invitations set accepted_at = :at, accepted_by = :by
                        where token_hash = :hash and accepted_at is null and expires_at > :at
                        """)
                        .param("hash", tokenHash)
                        .param("by", by.value())
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }
}

package org.chorus.organizations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores invitations (the link's token hashed) in {@code invitations}. */
@Repository
class Invitations {

    /** An open invitation as its link shows it. */
    record Open(String tokenHash, OrganizationId organization, String emailKey, Role role, Instant expiresAt) {}

    private final JdbcClient jdbc;

    Invitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            String tokenHash,
            OrganizationId org,
            String emailKey,
            Role role,
            AccountId by,
            Instant at,
            Instant expires) {
        jdbc.sql("""
                        insert into invitations (token_hash, organization_id, email_key, role, invited_by, created_at,
                                                 expires_at)
                        values (:hash, :org, :email, :role, :by, :at, :expires)
                        """)
                .param("hash", tokenHash)
                .param("org", org.value())
                .param("email", emailKey)
                .param("role", role.name())
                .param("by", by.value())
                .param("at", Timestamp.from(at))
                .param("expires", Timestamp.from(expires))
                .update();
    }

    Optional<Open> open(String tokenHash, Instant now) {
        return jdbc.sql("""
                        select token_hash, organization_id, email_key, role, expires_at from invitations
                        where token_hash = :hash and accepted_at is null and expires_at > :now
                        """)
                .param("hash", tokenHash)
                .param("now", Timestamp.from(now))
                .query((rs, i) -> new Open(
                        rs.getString(1),
                        new OrganizationId(rs.getObject(2, UUID.class)),
                        rs.getString(3),
                        Role.valueOf(rs.getString(4)),
                        rs.getTimestamp(5).toInstant()))
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

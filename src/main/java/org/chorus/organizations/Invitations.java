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
            Instant expiresAt,
            AccountId invitedBy,
            String language) {

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

    /** An invitation that waits for its answer, as the organization's owners see it. */
    record Waiting(UUID id, byte[] emailSealed, Role role, AccountId invitedBy, Instant createdAt, Instant expiresAt) {}

    /** What resending needs of the invitation it replaces. */
    record Replaced(byte[] emailSealed, byte[] emailIndex, Role role, String language) {}

    void insert(
            String tokenHash,
            OrganizationId org,
            String email,
            Role role,
            AccountId by,
            Instant at,
            Instant expires,
            String language) {
        insertSealed(
                tokenHash,
                org,
                personalData.seal(email.strip(), EMAIL_COLUMN),
                personalData.emailIndex(email),
                role,
                by,
                at,
                expires,
                language);
    }

    void insertSealed(
            String tokenHash,
            OrganizationId org,
            byte[] emailSealed,
            byte[] emailIndex,
            Role role,
            AccountId by,
            Instant at,
            Instant expires,
            String language) {
        jdbc.sql("""
                        insert into invitations (token_hash, organization_id, email_sealed, email_index, role, invited_by,
                                                 created_at, expires_at, language)
                        values (:hash, :org, :email, :index, :role, :by, :at, :expires, :language)
                        """)
                .param("hash", tokenHash)
                .param("org", org.value())
                .param("email", emailSealed)
                .param("index", emailIndex)
                .param("role", role.name())
                .param("by", by.value())
                .param("at", Timestamp.from(at))
                .param("expires", Timestamp.from(expires))
                .param("language", language)
                .update();
    }

    Optional<Open> open(String tokenHash, Instant now) {
        return jdbc.sql("""
                        select token_hash, organization_id, email_sealed, email_index, role, expires_at, invited_by,
                               language
                        from invitations
                        where token_hash = :hash and accepted_at is null and expires_at > :now
                          and withdrawn_at is null and replaced_at is null
                        """)
                .param("hash", tokenHash)
                .param("now", Timestamp.from(now))
                .query((rs, i) -> new Open(
                        rs.getString(1),
                        new OrganizationId(rs.getObject(2, UUID.class)),
                        personalData.open(rs.getBytes(3), EMAIL_COLUMN),
                        rs.getBytes(4),
                        Role.valueOf(rs.getString(5)),
                        rs.getTimestamp(6).toInstant(),
                        new AccountId(rs.getObject(7, UUID.class)),
                        rs.getString(8)))
                .optional();
    }

    /** Why a link no longer works when the organization closed it: withdrawn, or replaced by a newer one. */
    Optional<String> closedBecause(String tokenHash) {
        return jdbc.sql("""
                        select case when withdrawn_at is not null then 'invitation.withdrawn'
                                    when replaced_at is not null then 'invitation.replaced' end
                        from invitations where token_hash = :hash and accepted_at is null
                        """).param("hash", tokenHash).query(String.class).optional();
    }

    /** The invitations of an organization that still wait for an answer, newest first (at most 200). */
    java.util.List<Waiting> waiting(OrganizationId org, Instant now) {
        return jdbc.sql("""
                        select id, email_sealed, role, invited_by, created_at, expires_at from invitations
                        where organization_id = :org and accepted_at is null and expires_at > :now
                          and withdrawn_at is null and replaced_at is null
                        order by created_at desc limit 200
                        """)
                .param("org", org.value())
                .param("now", Timestamp.from(now))
                .query((rs, i) -> new Waiting(
                        rs.getObject(1, UUID.class),
                        rs.getBytes(2),
                        Role.valueOf(rs.getString(3)),
                        new AccountId(rs.getObject(4, UUID.class)),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** Closes a waiting invitation of the organization; false if there is none with this id. */
    boolean withdraw(OrganizationId org, UUID id, Instant at) {
        return jdbc.sql("""
                        update invitations set withdrawn_at = :at
                        where organization_id = :org and id = :id and accepted_at is null
                          and withdrawn_at is null and replaced_at is null
                        """)
                        .param("org", org.value())
                        .param("id", id)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Closes a waiting (or expired) invitation because a new link replaces it; returns what the new one copies. */
    Optional<Replaced> replace(OrganizationId org, UUID id, Instant at) {
        return jdbc.sql("""
                        update invitations set replaced_at = :at
                        where organization_id = :org and id = :id and accepted_at is null
                          and withdrawn_at is null and replaced_at is null
                        returning email_sealed, email_index, role, language
                        """)
                .param("org", org.value())
                .param("id", id)
                .param("at", Timestamp.from(at))
                .query((rs, i) ->
                        new Replaced(rs.getBytes(1), rs.getBytes(2), Role.valueOf(rs.getString(3)), rs.getString(4)))
                .optional();
    }

    String openEmail(byte[] sealed) {
        return personalData.open(sealed, EMAIL_COLUMN);
    }

    /** Marks the invitation accepted; false if someone else used it first. */
    boolean accept(String tokenHash, AccountId by, Instant at) {
        return jdbc.sql("""
                        update invitations set accepted_at = :at, accepted_by = :by
                        where token_hash = :hash and accepted_at is null and expires_at > :at
                          and withdrawn_at is null and replaced_at is null
                        """)
                        .param("hash", tokenHash)
                        .param("by", by.value())
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** The organization of the invitation this person accepted with this link, if they did. */
    Optional<OrganizationId> acceptedBy(String tokenHash, AccountId by) {
        return jdbc.sql("select organization_id from invitations where token_hash = :hash and accepted_by = :by")
                .param("hash", tokenHash)
                .param("by", by.value())
                .query((rs, i) -> new OrganizationId(rs.getObject(1, UUID.class)))
                .optional();
    }
}

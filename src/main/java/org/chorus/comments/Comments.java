package org.chorus.comments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.statements.StatementId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The comments, bans and reports tables. */
@Repository
class Comments {

    private static final String COLUMNS = "id, statement_id, organization_id, parent_id, author_id, author_name, body, "
            + "status, created_at, edited_at, reports";

    private final JdbcClient jdbc;

    Comments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Comment c, String network) {
        jdbc.sql("""
                        insert into comments (id, statement_id, organization_id, parent_id, author_id, author_name,
                                              body, status, network, created_at)
                        values (:id, :statement, :organization, :parent, :author, :name, :body, :status, :network, :at)
                        """)
                .param("id", c.id().value())
                .param("statement", c.statement().value())
                .param("organization", c.organization().value())
                .param("parent", c.parent() == null ? null : c.parent().value())
                .param("author", c.author().value())
                .param("name", c.authorName())
                .param("body", c.body())
                .param("status", c.status().name())
                .param("network", network)
                .param("at", Timestamp.from(c.createdAt()))
                .update();
    }

    Optional<Comment> byId(CommentId id) {
        return jdbc.sql("select " + COLUMNS + " from comments where id = :id")
                .param("id", id.value())
                .query(Comments::map)
                .optional();
    }

    void edit(CommentId id, String body, CommentStatus status, Instant at) {
        jdbc.sql("update comments set body = :body, status = :status, edited_at = :at where id = :id")
                .param("id", id.value())
                .param("body", body)
                .param("status", status.name())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Moderation decides: the new status, and reports are settled. */
    void decide(CommentId id, CommentStatus status) {
        jdbc.sql("update comments set status = :status, reports = 0 where id = :id")
                .param("id", id.value())
                .param("status", status.name())
                .update();
    }

    /** Approved comments of a statement, oldest first, in one query. */
    List<Comment> approvedOn(StatementId statement) {
        return jdbc.sql("select " + COLUMNS
                        + " from comments where statement_id = :id and status = 'APPROVED' order by created_at, id")
                .param("id", statement.value())
                .query(Comments::map)
                .list();
    }

    /** How many comments the statement's comments page shows: approved ones, without replies to withdrawn ones. */
    int shownOn(StatementId statement) {
        return jdbc.sql("""
                        select count(*) from comments c
                        where c.statement_id = :id and c.status = 'APPROVED'
                          and (c.parent_id is null or exists (
                              select 1 from comments p where p.id = c.parent_id and p.status = 'APPROVED'))
                        """).param("id", statement.value()).query(Integer.class).single();
    }

    /** New comments and reported approved ones of an organization, oldest first. */
    List<Comment> queueOf(OrganizationId organization) {
        return jdbc.sql("select " + COLUMNS + " from comments where organization_id = :org"
                        + " and (status = 'PENDING' or (status = 'APPROVED' and reports > 0)) order by created_at, id")
                .param("org", organization.value())
                .query(Comments::map)
                .list();
    }

    /** Records one person's report; false when they had already reported this comment. */
    boolean report(CommentId id, AccountId reporter, String reason, Instant at) {
        int added = jdbc.sql("""
                        insert into comment_reports (comment_id, reporter_id, reason, created_at)
                        values (:id, :reporter, :reason, :at) on conflict do nothing
                        """)
                .param("id", id.value())
                .param("reporter", reporter.value())
                .param("reason", reason)
                .param("at", Timestamp.from(at))
                .update();
        if (added > 0) {
            jdbc.sql("update comments set reports = reports + 1 where id = :id")
                    .param("id", id.value())
                    .update();
        }
        return added > 0;
    }

    boolean banned(OrganizationId organization, AccountId account) {
        return jdbc.sql("select exists (select 1 from comment_bans where organization_id = :org and account_id = :acc)")
                .param("org", organization.value())
                .param("acc", account.value())
                .query(Boolean.class)
                .single();
    }

    void ban(OrganizationId organization, AccountId account, AccountId by, Instant at) {
        jdbc.sql("""
                        insert into comment_bans (organization_id, account_id, banned_by, banned_at)
                        values (:org, :acc, :by, :at) on conflict do nothing
                        """)
                .param("org", organization.value())
                .param("acc", account.value())
                .param("by", by.value())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Rejects whatever the person still has waiting in this organization's queue; returns how many. */
    int rejectPendingOf(OrganizationId organization, AccountId account) {
        return jdbc.sql("update comments set status = 'REJECTED' "
                        + "where organization_id = :org and author_id = :acc and status = 'PENDING'")
                .param("org", organization.value())
                .param("acc", account.value())
                .update();
    }

    /** A guest's comment, waiting for its author to follow the link; the address only sealed and as blind index. */
    void insertGuest(
            Comment c, String network, byte[] sealedEmail, byte[] emailIndex, String tokenHash, Instant until) {
        insert(c, network);
        jdbc.sql("""
                        update comments set guest_email = :email, guest_email_index = :index, confirm_token = :token,
                                            confirm_until = :until
                        where id = :id""")
                .param("id", c.id().value())
                .param("email", sealedEmail)
                .param("index", emailIndex)
                .param("token", tokenHash)
                .param("until", Timestamp.from(until))
                .update();
    }

    /** A guest comment and the end of its confirmation link's validity, by the hash of the link's token. */
    record Unconfirmed(Comment comment, Instant until) {}

    Optional<Unconfirmed> byConfirmToken(String tokenHash) {
        return jdbc.sql("select " + COLUMNS + ", confirm_until from comments where confirm_token = :token")
                .param("token", tokenHash)
                .query((rs, n) -> new Unconfirmed(
                        map(rs, n), rs.getTimestamp("confirm_until").toInstant()))
                .optional();
    }

    /** The guest followed the link: the comment joins the moderation queue. False if it was not waiting. */
    boolean confirm(CommentId id) {
        return jdbc.sql("update comments set status = 'PENDING' where id = :id and status = 'UNCONFIRMED'")
                        .param("id", id.value())
                        .update()
                == 1;
    }

    Optional<byte[]> guestEmailIndex(CommentId id) {
        return jdbc.sql("select guest_email_index from comments where id = :id and guest_email_index is not null")
                .param("id", id.value())
                .query(byte[].class)
                .optional();
    }

    boolean emailBanned(OrganizationId organization, byte[] emailIndex) {
        return jdbc.sql("""
                        select exists (select 1 from comment_email_bans where organization_id = :org and email_index = :index)""")
                .param("org", organization.value())
                .param("index", emailIndex)
                .query(Boolean.class)
                .single();
    }

    void banEmail(OrganizationId organization, byte[] emailIndex, AccountId by, Instant at) {
        jdbc.sql("""
                        insert into comment_email_bans (organization_id, email_index, banned_by, banned_at)
                        values (:org, :index, :by, :at) on conflict do nothing
                        """)
                .param("org", organization.value())
                .param("index", emailIndex)
                .param("by", by.value())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Rejects what a guest address still has waiting (confirmed or not) in this organization; returns how many. */
    int rejectPendingOfGuest(OrganizationId organization, byte[] emailIndex) {
        return jdbc.sql("""
                        update comments set status = 'REJECTED'
                        where organization_id = :org and guest_email_index = :index and status in ('PENDING', 'UNCONFIRMED')""")
                .param("org", organization.value())
                .param("index", emailIndex)
                .update();
    }

    static Comment map(ResultSet rs, int row) throws SQLException {
        var parent = rs.getObject("parent_id", UUID.class);
        var edited = rs.getTimestamp("edited_at");
        return new Comment(
                new CommentId(rs.getObject("id", UUID.class)),
                new StatementId(rs.getObject("statement_id", UUID.class)),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                parent == null ? null : new CommentId(parent),
                new AccountId(rs.getObject("author_id", UUID.class)),
                rs.getString("author_name"),
                rs.getString("body"),
                CommentStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                edited == null ? null : edited.toInstant(),
                rs.getInt("reports"));
    }
}

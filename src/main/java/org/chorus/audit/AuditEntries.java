package org.chorus.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.statements.StatementId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit log's table; each page is read by keyset (newest first), so paging deep costs no more than the first. */
@Repository
class AuditEntries {

    private static final String COLUMNS = """
            id, occurred_at, kind, actor_id, organization_id, subject_id, shown_to_subject,
            other_organization_id, statement_id, detail""";

    private final JdbcClient jdbc;

    AuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AuditEntry entry) {
        var detail = entry.detail();
        jdbc.sql("""
                        insert into audit_entries (occurred_at, kind, actor_id, organization_id, subject_id,
                            shown_to_subject, other_organization_id, statement_id, detail)
                        values (:at, :kind, :actor, :organization, :subject, :shown, :other, :statement, :detail)
                        """)
                // stored to the microsecond, as PostgreSQL keeps it, so a page's cursor finds the same instant again
                .param("at", Timestamp.from(entry.occurredAt().truncatedTo(ChronoUnit.MICROS)))
                .param("kind", entry.kind())
                .param("actor", AuditEntry.value(entry.actor()))
                .param(
                        "organization",
                        entry.organization() == null
                                ? null
                                : entry.organization().value())
                .param("subject", AuditEntry.value(entry.subject()))
                .param("shown", entry.shownToSubject())
                .param(
                        "other",
                        entry.otherOrganization() == null
                                ? null
                                : entry.otherOrganization().value())
                .param(
                        "statement",
                        entry.statement() == null ? null : entry.statement().value())
                .param("detail", detail == null || detail.length() <= 100 ? detail : detail.substring(0, 100))
                .update();
    }

    /** What was done to the person (and they may see) or by them, newest first, older than the cursor. */
    List<AuditEntry> ofAccount(AccountId account, @Nullable ActivityCursor before, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from audit_entries
                        where ((subject_id = :account and shown_to_subject) or actor_id = :account)
                          and (occurred_at, id) < (:at, :id)
                        order by occurred_at desc, id desc
                        limit :limit
                        """)
                .param("account", account.value())
                .param("at", Timestamp.from(before == null ? Instant.parse("9999-12-31T00:00:00Z") : before.at()))
                .param("id", before == null ? Long.MAX_VALUE : before.id())
                .param("limit", limit)
                .query(AuditEntries::entry)
                .list();
    }

    /** What happened in the organization, newest first, older than the cursor. */
    List<AuditEntry> ofOrganization(OrganizationId organization, @Nullable ActivityCursor before, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from audit_entries
                        where organization_id = :organization
                          and (occurred_at, id) < (:at, :id)
                        order by occurred_at desc, id desc
                        limit :limit
                        """)
                .param("organization", organization.value())
                .param("at", Timestamp.from(before == null ? Instant.parse("9999-12-31T00:00:00Z") : before.at()))
                .param("id", before == null ? Long.MAX_VALUE : before.id())
                .param("limit", limit)
                .query(AuditEntries::entry)
                .list();
    }

    int deleteOlderThan(Instant limit) {
        return jdbc.sql("delete from audit_entries where occurred_at < :limit")
                .param("limit", Timestamp.from(limit))
                .update();
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("kind"),
                account(rs.getObject("actor_id", UUID.class)),
                organization(rs.getObject("organization_id", UUID.class)),
                account(rs.getObject("subject_id", UUID.class)),
                rs.getBoolean("shown_to_subject"),
                organization(rs.getObject("other_organization_id", UUID.class)),
                statement(rs.getObject("statement_id", UUID.class)),
                rs.getString("detail"));
    }

    private static @Nullable AccountId account(@Nullable UUID id) {
        return id == null ? null : new AccountId(id);
    }

    private static @Nullable OrganizationId organization(@Nullable UUID id) {
        return id == null ? null : new OrganizationId(id);
    }

    private static @Nullable StatementId statement(@Nullable UUID id) {
        return id == null ? null : new StatementId(id);
    }
}

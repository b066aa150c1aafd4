package org.chorus.statements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores co-issue requests, with the title and address of their statement for the lists that show them. */
@Repository
class CoIssueRequests {

    private static final String SELECT = """
            select r.*, s.slug, t.title
            from statement_co_issue_requests r
            join statements s on s.id = r.statement_id
            join statement_texts t on t.statement_id = s.id and t.language = s.original_language
            """;

    private final JdbcClient jdbc;

    CoIssueRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a pending request; false when one to the same organization is already pending (nothing written). */
    boolean insert(CoIssueRequest r) {
        return jdbc.sql("""
                        insert into statement_co_issue_requests
                            (id, statement_id, issuer_id, organization_id, status, requested_by, requested_at)
                        values (:id, :statement, :issuer, :organization, 'PENDING', :by, :at)
                        on conflict (statement_id, organization_id) where status = 'PENDING' do nothing
                        """)
                        .param("id", r.id())
                        .param("statement", r.statement().value())
                        .param("issuer", r.issuer().value())
                        .param("organization", r.invited().value())
                        .param("by", r.requestedBy().value())
                        .param("at", Timestamp.from(r.requestedAt()))
                        .update()
                == 1;
    }

    /** Records the answer; false when the request was answered meanwhile. */
    boolean answer(CoIssueRequest r) {
        return jdbc.sql("""
                        update statement_co_issue_requests
                        set status = :status, answered_by = :by, answered_at = :at, message = :message
                        where id = :id and status = 'PENDING'
                        """)
                        .param("id", r.id())
                        .param("status", r.status().name())
                        .param("by", r.answeredBy().value())
                        .param("at", Timestamp.from(r.answeredAt()))
                        .param("message", r.message())
                        .update()
                == 1;
    }

    Optional<CoIssueRequestLine> byId(UUID id) {
        return jdbc.sql(SELECT + " where r.id = :id")
                .param("id", id)
                .query(CoIssueRequests::line)
                .optional();
    }

    boolean pending(StatementId statement, OrganizationId organization) {
        return jdbc.sql("""
                        select exists (select 1 from statement_co_issue_requests
                        where statement_id = :statement and organization_id = :organization and status = 'PENDING')
                        """)
                .param("statement", statement.value())
                .param("organization", organization.value())
                .query(Boolean.class)
                .single();
    }

    /** The requests an organization received: pending first, then the latest answered ones. */
    List<CoIssueRequestLine> received(OrganizationId organization, int limit) {
        return jdbc.sql(SELECT + """
                         where r.organization_id = :organization
                         order by r.status = 'PENDING' desc, r.requested_at desc
                         limit :limit
                        """)
                .param("organization", organization.value())
                .param("limit", limit)
                .query(CoIssueRequests::line)
                .list();
    }

    int pendingCount(OrganizationId organization) {
        return jdbc.sql("select count(*) from statement_co_issue_requests where organization_id = :organization"
                        + " and status = 'PENDING'")
                .param("organization", organization.value())
                .query(Integer.class)
                .single();
    }

    /** The requests made for a statement, latest first. */
    List<CoIssueRequestLine> ofStatement(StatementId statement) {
        return jdbc.sql(SELECT + " where r.statement_id = :statement order by r.requested_at desc")
                .param("statement", statement.value())
                .query(CoIssueRequests::line)
                .list();
    }

    /** Adds a co-issuer after those already named, unless it is one already. */
    void addCosigner(StatementId statement, OrganizationId organization) {
        jdbc.sql("""
                        insert into statement_cosigners (statement_id, organization_id, position)
                        select :statement, :organization, coalesce(max(position) + 1, 0)
                        from statement_cosigners where statement_id = :statement
                        on conflict do nothing
                        """)
                .param("statement", statement.value())
                .param("organization", organization.value())
                .update();
    }

    private static CoIssueRequestLine line(ResultSet rs, int row) throws SQLException {
        var answeredBy = rs.getObject("answered_by", UUID.class);
        var answeredAt = rs.getTimestamp("answered_at");
        var request = new CoIssueRequest(
                rs.getObject("id", UUID.class),
                new StatementId(rs.getObject("statement_id", UUID.class)),
                new OrganizationId(rs.getObject("issuer_id", UUID.class)),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                CoIssueRequest.Status.valueOf(rs.getString("status")),
                new AccountId(rs.getObject("requested_by", UUID.class)),
                rs.getTimestamp("requested_at").toInstant(),
                answeredBy == null ? null : new AccountId(answeredBy),
                answeredAt == null ? null : answeredAt.toInstant(),
                rs.getString("message"));
        return new CoIssueRequestLine(request, rs.getString("slug"), rs.getString("title"), null, null);
    }
}

package org.chorus.statements;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.DomainException;

/**
 * One organization's request that another one ({@code invited}) co-issue its statement, and the answer: accepted,
 * declined (with an optional message), or withdrawn by the issuer. Answered requests stay as history; a new request
 * may follow a declined or withdrawn one.
 */
public record CoIssueRequest(
        UUID id,
        StatementId statement,
        OrganizationId issuer,
        OrganizationId invited,
        Status status,
        AccountId requestedBy,
        Instant requestedAt,
        AccountId answeredBy,
        Instant answeredAt,
        String message) {

    /** Where a request is: waiting for the invited organization, or answered one way. */
    public enum Status {
        PENDING,
        ACCEPTED,
        DECLINED,
        WITHDRAWN;

        public String key() {
            return "statement.co-issue.status." + name().toLowerCase(Locale.ROOT);
        }
    }

    static CoIssueRequest asked(Statement statement, OrganizationId invited, AccountId by, Instant now) {
        return new CoIssueRequest(
                UUID.randomUUID(),
                statement.id(),
                statement.issuer(),
                invited,
                Status.PENDING,
                by,
                now,
                null,
                null,
                null);
    }

    public boolean pending() {
        return status == Status.PENDING;
    }

    /** The answer to a pending request; a request is answered once. */
    CoIssueRequest answered(Status answer, AccountId by, String message, Instant now) {
        if (!pending()) {
            throw DomainException.conflict("statement.co-issue.already-answered");
        }
        return new CoIssueRequest(id, statement, issuer, invited, answer, requestedBy, requestedAt, by, now, message);
    }
}

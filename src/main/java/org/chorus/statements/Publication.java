package org.chorus.statements;

import org.chorus.accounts.AccountId;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one step that makes a statement public, whichever path brought it there: a publisher's approval, its scheduled
 * time, a republication published at once, an import of published posts. Its texts and their latest revisions become
 * published, and {@link StatementPublished} is emitted here and nowhere else, so no path can forget to tell followers
 * (or, later, federation). Decision 0003. It is also where a statement gets its date of issue when its writers gave
 * none: the day it went online (decision 0017).
 */
@Component
class Publication {

    private final Statements statements;
    private final CoalitionDirectory organizations;
    private final ApplicationEventPublisher events;

    Publication(Statements statements, CoalitionDirectory organizations, ApplicationEventPublisher events) {
        this.statements = statements;
        this.organizations = organizations;
        this.events = events;
    }

    /** Only a listed (approved) organization speaks in public: a pending or rejected one cannot publish. */
    boolean allowed(OrganizationId issuer) {
        return organizations.byId(issuer).filter(Organization::active).isPresent();
    }

    void requireAllowed(OrganizationId issuer) {
        if (!allowed(issuer)) {
            throw DomainException.conflict("statement.issuer-not-listed");
        }
    }

    /**
     * The time zone in which the day a statement went online becomes its date of issue: the issuing organization's
     * own (chosen on its profile, else the site's default), so a statement published at 00:30 in Manila is dated that
     * day in Manila.
     */
    java.time.ZoneId zone(OrganizationId issuer) {
        return organizations.timeZone(issuer);
    }

    /**
     * The statement, saved in its published state by its own transition, goes public now; {@code by} approved it, or
     * is null when its scheduled time came. Returns it as stored, dated.
     */
    Statement publish(Statement statement, @Nullable AccountId by) {
        return announce(
                statement,
                statement.republished() ? StatementPublished.Kind.REPUBLICATION : StatementPublished.Kind.ORIGINAL,
                by);
    }

    /** The statement, saved as {@link Statement#imported published elsewhere before}, is public here too. */
    Statement publishImported(Statement statement, AccountId by) {
        return announce(statement, StatementPublished.Kind.IMPORT, by);
    }

    private Statement announce(Statement given, StatementPublished.Kind kind, @Nullable AccountId by) {
        if (given.status() != StatementStatus.PUBLISHED) {
            throw new IllegalStateException("statement " + given.id().value() + " is " + given.status());
        }
        var statement = given.dated(zone(given.issuer()));
        if (given.issuedOn() == null) {
            statements.dateIssue(statement);
        }
        statements.publishTexts(statement.id());
        statements.markRevisionsPublished(statement.id());
        events.publishEvent(new StatementPublished(
                statement.id(), statement.issuer(), statement.originalLanguage(), statement.topics(), kind, by));
        return statement;
    }
}

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
 * (or, later, federation). Decision 0003.
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
     * The statement, saved in its published state by its own transition, goes public now; {@code by} approved it, or
     * is null when its scheduled time came.
     */
    void publish(Statement statement, @Nullable AccountId by) {
        announce(
                statement,
                statement.republished() ? StatementPublished.Kind.REPUBLICATION : StatementPublished.Kind.ORIGINAL,
                by);
    }

    /** The statement, saved as {@link Statement#imported published elsewhere before}, is public here too. */
    void publishImported(Statement statement, AccountId by) {
        announce(statement, StatementPublished.Kind.IMPORT, by);
    }

    private void announce(Statement statement, StatementPublished.Kind kind, @Nullable AccountId by) {
        if (statement.status() != StatementStatus.PUBLISHED) {
            throw new IllegalStateException("statement " + statement.id().value() + " is " + statement.status());
        }
        statements.publishTexts(statement.id());
        statements.markRevisionsPublished(statement.id());
        events.publishEvent(new StatementPublished(
                statement.id(), statement.issuer(), statement.originalLanguage(), statement.topics(), kind, by));
    }
}

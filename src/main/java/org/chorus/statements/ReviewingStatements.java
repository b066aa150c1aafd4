package org.chorus.statements;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review workflow: writers submit; publishers (the organization's owners) approve — now or at a chosen time — or
 * send back with a comment; publishers retract. Scheduled statements are published by {@link #publishDue()}.
 */
@Service
public class ReviewingStatements {

    private final Statements statements;
    private final OrganizationPermissions permissions;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Publication publication;
    private final CoalitionDirectory organizations;

    ReviewingStatements(
            Statements statements,
            OrganizationPermissions permissions,
            Clock clock,
            ApplicationEventPublisher events,
            Publication publication,
            CoalitionDirectory organizations) {
        this.publication = publication;
        this.organizations = organizations;
        this.statements = statements;
        this.permissions = permissions;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Statement submit(Actor actor, StatementId id) {
        var statement = find(id);
        permissions.require(actor, statement.issuer(), StatementPermission.WRITE_STATEMENTS);
        var now = clock.instant();
        var submitted = save(statement.submit(now));
        events.publishEvent(new StatementSubmitted(id, statement.issuer(), actor.account(), now));
        return submitted;
    }

    /** Publishes now, or schedules when {@code at} is in the future. */
    @Transactional
    public Statement approve(Actor actor, StatementId id, Instant at) {
        var statement = find(id);
        permissions.require(actor, statement.issuer(), StatementPermission.PUBLISH_STATEMENTS);
        publication.requireAllowed(statement.issuer());
        var approved = save(statement.approve(at, clock.instant()));
        if (approved.status() == StatementStatus.PUBLISHED) {
            return publication.publish(approved, actor.account());
        } else if (approved.status() == StatementStatus.SCHEDULED) {
            events.publishEvent(new StatementScheduled(
                    id, statement.issuer(), approved.scheduledFor(), actor.account(), clock.instant()));
        }
        return approved;
    }

    /**
     * Publishes now ({@code at} null or past), or schedules it for {@code at} as read on the issuing organization's
     * clocks: the date and time a publisher types are in the organization's time zone.
     */
    @Transactional
    public Statement approveAt(Actor actor, StatementId id, LocalDateTime at) {
        var statement = find(id);
        return approve(
                actor,
                id,
                at == null
                        ? null
                        : at.atZone(organizations.timeZone(statement.issuer())).toInstant());
    }

    @Transactional
    public Statement sendBack(Actor actor, StatementId id, String comment) {
        var statement = find(id);
        permissions.require(actor, statement.issuer(), StatementPermission.PUBLISH_STATEMENTS);
        var now = clock.instant();
        var sentBack = save(statement.sendBack(comment, now));
        events.publishEvent(
                new StatementSentBack(id, statement.issuer(), sentBack.reviewComment(), actor.account(), now));
        return sentBack;
    }

    @Transactional
    public Statement retract(Actor actor, StatementId id, String note) {
        var statement = find(id);
        permissions.require(actor, statement.issuer(), StatementPermission.PUBLISH_STATEMENTS);
        var retracted = save(statement.retract(note, clock.instant()));
        events.publishEvent(new StatementRetracted(id, statement.issuer(), actor.account()));
        return retracted;
    }

    /** Publishes every scheduled statement whose time has come; returns how many. */
    @Transactional
    public int publishDue() {
        var now = clock.instant();
        var due = statements.dueForPublication(now);
        for (var id : due) {
            var statement = find(id);
            if (publication.allowed(statement.issuer())) {
                publication.publish(save(statement.publishScheduled(now)), null);
            }
        }
        return due.size();
    }

    private Statement save(Statement statement) {
        statements.update(statement);
        events.publishEvent(new StatementChanged(statement.id()));
        return statements.byId(statement.id()).orElseThrow();
    }

    private Statement find(StatementId id) {
        return statements.byId(id).orElseThrow(() -> new NotFoundException("statement.not-found"));
    }
}

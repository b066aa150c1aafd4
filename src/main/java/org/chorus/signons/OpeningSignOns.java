package org.chorus.signons;

import java.time.Clock;
import java.util.Optional;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.i18n.Language;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementHeading;
import org.chorus.statements.StatementRetracted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editors of a statement's issuer open it for sign-on once it is published, change the choices, close and re-open it.
 * A retracted statement stops taking sign-ons at once; its list stays as it was.
 */
@Service
public class OpeningSignOns {

    private final SignOns signOns;
    private final ReadingStatements statements;
    private final Organizers organizers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OpeningSignOns(
            SignOns signOns,
            ReadingStatements statements,
            Organizers organizers,
            ApplicationEventPublisher events,
            Clock clock) {
        this.signOns = signOns;
        this.statements = statements;
        this.organizers = organizers;
        this.events = events;
        this.clock = clock;
    }

    /** The statement and its opening (empty when never opened), for those who manage its sign-on. */
    public record Managed(StatementHeading statement, Optional<SignOnOpening> opening, boolean acceptingNow) {}

    public Managed managed(Actor actor, String slug, Language language) {
        var heading = managedStatement(actor, slug, language);
        var opening = signOns.opening(heading.statement().id());
        return new Managed(
                heading,
                opening,
                opening.map(o -> o.acceptingAt(clock.instant())).orElse(false));
    }

    /** Opens a published statement for sign-on with these choices, or re-opens it (its sign-ons stay). */
    @Transactional
    public SignOnOpening open(Actor actor, String slug, SignOnOpening.Choices choices, Language language) {
        var heading = managedStatement(actor, slug, language);
        var statement = heading.statement();
        if (!statement.isPublic()) {
            throw DomainException.conflict("signons.statement-not-public");
        }
        var now = clock.instant();
        var opening = signOns.openingForUpdate(statement.id())
                .map(o -> o.reopen(actor.account(), choices, now))
                .orElseGet(() -> SignOnOpening.open(statement.id(), statement.issuer(), actor.account(), choices, now));
        signOns.save(opening);
        events.publishEvent(new SignOnOpeningChanged(statement.id(), statement.issuer(), true, actor.account()));
        return opening;
    }

    /** Closes the sign-on: the form says so, the list stays. */
    @Transactional
    public SignOnOpening close(Actor actor, String slug, Language language) {
        var heading = managedStatement(actor, slug, language);
        var closed = signOns.openingForUpdate(heading.statement().id())
                .orElseThrow(() -> DomainException.conflict("signons.not-open"))
                .close(clock.instant());
        signOns.save(closed);
        events.publishEvent(
                new SignOnOpeningChanged(closed.statement(), closed.organization(), false, actor.account()));
        return closed;
    }

    /**
     * A retracted statement takes no more sign-ons (after the retraction commits, in a transaction of its own; the
     * retraction already emptied the page cache).
     */
    @ApplicationModuleListener
    void on(StatementRetracted retracted) {
        signOns.openingForUpdate(retracted.statement())
                .filter(SignOnOpening::open)
                .ifPresent(o -> signOns.save(o.close(clock.instant())));
    }

    private StatementHeading managedStatement(Actor actor, String slug, Language language) {
        var heading = statements.heading(actor, slug, language.tag());
        organizers.require(actor, heading.statement().issuer());
        return heading;
    }
}

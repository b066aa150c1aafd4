package org.chorus.signons;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.chorus.organizations.Actor;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.DomainException;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.i18n.Language;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementHeading;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organizers of a statement's sign-on ({@link Organizers}: owners and editors of its issuer, and the members an
 * owner designated) see every sign-on with its status and personal data, approve or reject sign-ons, remove one (its
 * personal data goes with it), merge a duplicate into the sign-on it duplicates, change the name a sign-on is shown
 * with, and export them all. Totals follow at the count job's next run.
 */
@Service
public class ModeratingSignOns {

    private final SignOnLists lists;
    private final SignOns signOns;
    private final Organizers organizers;
    private final ReadingStatements statements;
    private final PersonalData personalData;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ModeratingSignOns(
            SignOnLists lists,
            SignOns signOns,
            Organizers organizers,
            ReadingStatements statements,
            PersonalData personalData,
            ApplicationEventPublisher events,
            Clock clock) {
        this.statements = statements;
        this.lists = lists;
        this.signOns = signOns;
        this.organizers = organizers;
        this.personalData = personalData;
        this.events = events;
        this.clock = clock;
    }

    /** A page of the statement's sign-ons (all, or those in {@code status}), newest first, after {@code after}. */
    @Transactional(readOnly = true)
    public Signers signers(Actor actor, String slug, Language language, SignOnStatus status, String after) {
        var heading = organizers.statement(actor, slug, language);
        var cursor = SignOnCursor.of(after, 'P');
        var rows = lists.signers(heading.statement().id(), null, status, cursor, ReadingSignOns.PAGE_SIZE + 1);
        return new Signers(heading, questions(heading), status, page(rows, cursor));
    }

    /** The first {@link ReadingSignOns#PAGE_SIZE} of one more rows, and where the next page starts if there is one. */
    private SignOnPage<SignerLine> page(List<SignOnLists.SignerRow> rows, SignOnCursor cursor) {
        var shown = rows.subList(0, Math.min(ReadingSignOns.PAGE_SIZE, rows.size()));
        return new SignOnPage<>(
                shown.stream().map(this::line).toList(),
                rows.size() > ReadingSignOns.PAGE_SIZE
                        ? shown.getLast().cursor().token()
                        : null,
                cursor == null);
    }

    /**
     * Hands over every sign-on of the statement, newest first, with its personal data, one page at a time (exports),
     * after {@code start} has been given the opening's questions (whose answers each line carries in this order): a
     * refusal comes before anything is handed over.
     */
    @Transactional(readOnly = true)
    public void eachSigner(
            Actor actor,
            String slug,
            Language language,
            Consumer<List<SignOnQuestion>> start,
            Consumer<SignerLine> each) {
        var heading = organizers.statement(actor, slug, language);
        start.accept(questions(heading));
        SignOnCursor after = null;
        while (true) {
            var rows = lists.signers(heading.statement().id(), null, null, after, ReadingSignOns.PAGE_SIZE);
            rows.forEach(row -> each.accept(line(row)));
            if (rows.size() < ReadingSignOns.PAGE_SIZE) {
                return;
            }
            after = rows.getLast().cursor();
        }
    }

    /** Whether the person organizes the sign-on of the statement at {@code slug} (which they can see). */
    @Transactional(readOnly = true)
    public boolean organizes(Actor actor, String slug) {
        return actor != null
                && organizers.can(actor, statements.visible(actor, slug).issuer());
    }

    /**
     * A page of every sign-on of one kind, in any status, newest first, with its personal data and the organizations
     * its signer agreed to hear from, for the organizers' API.
     */
    public record SignersAndConsents(Signers signers, Map<SignOnId, List<OrganizationId>> consents) {}

    @Transactional(readOnly = true)
    public SignersAndConsents signers(Actor actor, String slug, SignOnKind kind, String after) {
        var heading = organizers.statement(actor, slug, Language.ENGLISH);
        var cursor = SignOnCursor.of(after, 'P');
        var rows = lists.signers(heading.statement().id(), kind, null, cursor, ReadingSignOns.PAGE_SIZE + 1);
        var page = page(rows, cursor);
        return new SignersAndConsents(
                new Signers(heading, questions(heading), null, page),
                signOns.consents(page.items().stream().map(SignerLine::id).toList()));
    }

    /** The sign-ons of the statement with these ids, side by side (choosing which of two to keep). */
    @Transactional(readOnly = true)
    public Signers compared(Actor actor, String slug, Language language, List<SignOnId> ids) {
        var heading = organizers.statement(actor, slug, language);
        var rows = lists.signers(heading.statement().id(), ids);
        if (rows.size() != ids.stream().distinct().count()) {
            throw new NotFoundException("signons.signer-not-found");
        }
        return new Signers(
                heading,
                questions(heading),
                null,
                new SignOnPage<>(rows.stream().map(this::line).toList(), null, true));
    }

    /** Lists and counts a sign-on its signer confirmed (or one rejected before). */
    @Transactional
    public void approve(Actor actor, String slug, SignOnId signOn) {
        decide(actor, slug, signOn, List.of(SignOnStatus.CONFIRMED, SignOnStatus.REJECTED), SignOnStatus.APPROVED);
    }

    /** Keeps a confirmed or listed sign-on off the list and the totals. */
    @Transactional
    public void reject(Actor actor, String slug, SignOnId signOn) {
        decide(actor, slug, signOn, List.of(SignOnStatus.CONFIRMED, SignOnStatus.APPROVED), SignOnStatus.REJECTED);
    }

    /** Deletes a sign-on with its personal data (a signer asked the organizers to be taken off). */
    @Transactional
    public void remove(Actor actor, String slug, SignOnId signOn) {
        var heading = organizers.statement(actor, slug, Language.ENGLISH);
        if (!lists.remove(heading.statement().id(), signOn)) {
            throw new NotFoundException("signons.signer-not-found");
        }
        changed(actor, heading, SignOnsChangedByOrganizers.Change.REMOVED, 1);
    }

    /**
     * Merges a duplicate into the sign-on it duplicates: {@code kept} stays as it is, {@code merged} is deleted with its
     * personal data (and its consents). Both must be of the statement (else 404) and of the same kind; the kept one
     * must be confirmed (listed or waiting for approval), so a duplicate is never merged into a sign-on that is not
     * confirmed or was rejected, nor into itself (409).
     */
    @Transactional
    public void merge(Actor actor, String slug, SignOnId kept, SignOnId merged) {
        var heading = organizers.statement(actor, slug, Language.ENGLISH);
        if (kept.equals(merged)) {
            throw DomainException.conflict("signons.merge.itself");
        }
        var both = lists.lockedSigners(heading.statement().id(), List.of(kept, merged));
        var keeping = both.stream()
                .filter(s -> s.signOn().id().equals(kept))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("signons.signer-not-found"));
        var merging = both.stream()
                .filter(s -> s.signOn().id().equals(merged))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("signons.signer-not-found"));
        if (keeping.signOn().kind() != merging.signOn().kind()) {
            throw DomainException.conflict("signons.merge.kinds");
        }
        var status = keeping.signOn().status();
        if (status != SignOnStatus.APPROVED && status != SignOnStatus.CONFIRMED) {
            throw DomainException.conflict("signons.merge.not-kept");
        }
        lists.remove(heading.statement().id(), merged);
        changed(actor, heading, SignOnsChangedByOrganizers.Change.MERGED, 1);
    }

    /**
     * Changes the name a sign-on is shown with, at its signer's request: an organization's name (and the key that flags
     * its duplicates), or a person's name (in the sealed data, and on the public list when they are named there). As
     * long as the form allows; 404 for a sign-on of another statement.
     */
    @Transactional
    public void rename(Actor actor, String slug, SignOnId id, String name) {
        var heading = organizers.statement(actor, slug, Language.ENGLISH);
        var clean = SignOnForm.required("name", name, "signons.name.required");
        var stored = lists.lockedSigners(heading.statement().id(), List.of(id)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("signons.signer-not-found"));
        var s = stored.signOn();
        var personal = stored.personal();
        if (personal != null && s.kind() == SignOnKind.PERSON) {
            var signer = Signer.fromJson(personalData.open(personal, Signer.COLUMN));
            personal = personalData.seal(
                    new Signer(signer.email(), clean, signer.affiliation(), signer.title(), signer.answers()).toJson(),
                    Signer.COLUMN);
        }
        if (s.kind() == SignOnKind.ORGANIZATION) {
            lists.rename(id, clean, Signer.organizationKey(clean, s.country(), s.website()), personal);
        } else {
            lists.rename(id, s.name() == null ? null : clean, null, personal);
        }
        changed(actor, heading, SignOnsChangedByOrganizers.Change.RENAMED, 1);
    }

    private void decide(Actor actor, String slug, SignOnId signOn, List<SignOnStatus> from, SignOnStatus to) {
        var heading = organizers.statement(actor, slug, Language.ENGLISH);
        if (!lists.decide(heading.statement().id(), signOn, from, to)) {
            throw DomainException.conflict("signons.signer-not-decidable");
        }
    }

    private void changed(Actor actor, StatementHeading heading, SignOnsChangedByOrganizers.Change change, int count) {
        var statement = heading.statement();
        events.publishEvent(new SignOnsChangedByOrganizers(
                statement.id(), statement.issuer(), change, count, actor.account(), clock.instant()));
    }

    private List<SignOnQuestion> questions(StatementHeading heading) {
        return signOns.opening(heading.statement().id())
                .map(o -> o.choices().questions())
                .orElse(List.of());
    }

    private SignerLine line(SignOnLists.SignerRow row) {
        var s = row.signOn();
        var signer = row.personal() == null ? null : Signer.fromJson(personalData.open(row.personal(), Signer.COLUMN));
        return new SignerLine(
                s.id(),
                s.kind(),
                s.status(),
                s.country(),
                s.name(),
                signer == null ? null : signer.name(),
                signer == null ? null : signer.email(),
                signer == null ? s.affiliation() : signer.affiliation(),
                signer == null ? s.title() : signer.title(),
                s.website(),
                s.description(),
                s.showName(),
                row.duplicateOf(),
                s.createdAt(),
                s.confirmedAt(),
                signer == null || signer.answers() == null ? List.of() : signer.answers());
    }
}

package org.chorus.signons;

import java.util.List;
import java.util.function.Consumer;
import org.chorus.organizations.Actor;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.DomainException;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.i18n.Language;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementHeading;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organizers of a statement's sign-on (those who hold {@link SignOnPermission#MANAGE_SIGN_ONS} in its issuer) see
 * every sign-on with its status and personal data, approve or reject sign-ons, remove one (its personal data goes with
 * it), and export them all. Totals follow at the count job's next run.
 */
@Service
public class ModeratingSignOns {

    private final SignOnLists lists;
    private final SignOns signOns;
    private final ReadingStatements statements;
    private final OrganizationPermissions permissions;
    private final PersonalData personalData;

    ModeratingSignOns(
            SignOnLists lists,
            SignOns signOns,
            ReadingStatements statements,
            OrganizationPermissions permissions,
            PersonalData personalData) {
        this.lists = lists;
        this.signOns = signOns;
        this.statements = statements;
        this.permissions = permissions;
        this.personalData = personalData;
    }

    /** A page of the statement's sign-ons (all, or those in {@code status}), newest first, after {@code after}. */
    @Transactional(readOnly = true)
    public Signers signers(Actor actor, String slug, Language language, SignOnStatus status, String after) {
        var heading = organized(actor, slug, language);
        var cursor = SignOnCursor.of(after, 'P');
        var rows = lists.signers(heading.statement().id(), status, cursor, ReadingSignOns.PAGE_SIZE + 1);
        var shown = rows.subList(0, Math.min(ReadingSignOns.PAGE_SIZE, rows.size()));
        return new Signers(
                heading,
                questions(heading),
                status,
                new SignOnPage<>(
                        shown.stream().map(this::line).toList(),
                        rows.size() > ReadingSignOns.PAGE_SIZE
                                ? shown.getLast().cursor().token()
                                : null,
                        cursor == null));
    }

    /**
     * Hands over every sign-on of the statement, newest first, with its personal data, one page at a time (exports);
     * returns the opening's questions, whose answers each line carries in this order.
     */
    @Transactional(readOnly = true)
    public List<SignOnQuestion> eachSigner(Actor actor, String slug, Language language, Consumer<SignerLine> each) {
        var heading = organized(actor, slug, language);
        var questions = questions(heading);
        SignOnCursor after = null;
        while (true) {
            var rows = lists.signers(heading.statement().id(), null, after, ReadingSignOns.PAGE_SIZE);
            rows.forEach(row -> each.accept(line(row)));
            if (rows.size() < ReadingSignOns.PAGE_SIZE) {
                return questions;
            }
            after = rows.getLast().cursor();
        }
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
        var heading = organized(actor, slug, Language.ENGLISH);
        if (!lists.remove(heading.statement().id(), signOn)) {
            throw new NotFoundException("signons.signer-not-found");
        }
    }

    private void decide(Actor actor, String slug, SignOnId signOn, List<SignOnStatus> from, SignOnStatus to) {
        var heading = organized(actor, slug, Language.ENGLISH);
        if (!lists.decide(heading.statement().id(), signOn, from, to)) {
            throw DomainException.conflict("signons.signer-not-decidable");
        }
    }

    private List<SignOnQuestion> questions(StatementHeading heading) {
        return signOns.opening(heading.statement().id())
                .map(o -> o.choices().questions())
                .orElse(List.of());
    }

    private StatementHeading organized(Actor actor, String slug, Language language) {
        var heading = statements.heading(actor, slug, language.tag());
        permissions.require(actor, heading.statement().issuer(), SignOnPermission.MANAGE_SIGN_ONS);
        return heading;
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
                row.possibleDuplicate(),
                s.createdAt(),
                s.confirmedAt(),
                signer == null || signer.answers() == null ? List.of() : signer.answers());
    }
}

package org.chorus.statements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;

/**
 * A joint statement issued by an organization. It sets its own initial state ({@link #draft}, {@link #republication},
 * {@link #imported}) and guards its own workflow: each transition returns the statement in its new state or throws
 * {@code statement.*} when the rule does not allow it from the current state.
 */
public record Statement(
        StatementId id,
        String slug,
        OrganizationId issuer,
        String originalLanguage,
        Workflow workflow,
        Details details,
        Republication republication,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    /** Where the statement is in its life and when it got there; the reviewer's last comment, the retraction's note. */
    public record Workflow(
            StatementStatus status,
            Instant scheduledFor,
            Instant publishedAt,
            Instant correctedAt,
            Instant retractedAt,
            String retractionNote,
            String reviewComment) {

        static final Workflow DRAFT = new Workflow(StatementStatus.DRAFT, null, null, null, null, null, null);

        static Workflow publishedAt(Instant at) {
            return new Workflow(StatementStatus.PUBLISHED, null, at, null, null, null, null);
        }
    }

    /**
     * What writers say about the statement besides its words. {@code issuedOn} is its date of issue, known to the day
     * or only to the month ({@code issuedPrecision}); once the statement is public it always has one (decision 0017).
     */
    public record Details(
            LocalDate issuedOn,
            DatePrecision issuedPrecision,
            String place,
            List<String> topics,
            boolean commentsEnabled) {

        public Details {
            issuedPrecision = issuedPrecision == null ? DatePrecision.DAY : issuedPrecision;
            issuedOn = issuedPrecision.normalize(issuedOn);
            topics = topics == null ? List.of() : List.copyOf(topics);
        }

        /** The same details, dated on another day (or month). */
        Details issued(LocalDate on, DatePrecision precision) {
            return new Details(on, precision, place, topics, commentsEnabled);
        }
    }

    /** A new statement, written here: a draft its writers change freely until they submit it for review. */
    public static Statement draft(
            StatementId id, String slug, OrganizationId issuer, String language, Details details, Instant now) {
        return new Statement(id, slug, issuer, language, Workflow.DRAFT, details, null, now, now, 0);
    }

    /**
     * A copy of another organization's statement, with attribution; a draft like any other, which its publishers may
     * approve at once. Comments stay off: the conversation belongs to the original.
     */
    public static Statement republication(
            StatementId id,
            String slug,
            OrganizationId republisher,
            String language,
            Republication source,
            List<String> topics,
            Instant now) {
        return new Statement(
                id,
                slug,
                republisher,
                language,
                Workflow.DRAFT,
                new Details(source.publishedOn(), DatePrecision.DAY, null, topics, false),
                source,
                now,
                now,
                0);
    }

    /**
     * A statement brought in from another system (a WordPress import), dated when it was written there: published
     * then when {@code published}, else a draft. It did not go through review here; its publisher imported it.
     */
    public static Statement imported(
            StatementId id,
            String slug,
            OrganizationId issuer,
            String language,
            Details details,
            Instant writtenAt,
            boolean published,
            Instant now) {
        return new Statement(
                id,
                slug,
                issuer,
                language,
                published ? Workflow.publishedAt(writtenAt) : Workflow.DRAFT,
                details,
                null,
                writtenAt,
                now,
                0);
    }

    public StatementStatus status() {
        return workflow.status();
    }

    public Instant scheduledFor() {
        return workflow.scheduledFor();
    }

    public Instant publishedAt() {
        return workflow.publishedAt();
    }

    public Instant correctedAt() {
        return workflow.correctedAt();
    }

    public Instant retractedAt() {
        return workflow.retractedAt();
    }

    public String retractionNote() {
        return workflow.retractionNote();
    }

    public String reviewComment() {
        return workflow.reviewComment();
    }

    /** The date of issue: what lists, feeds, search and the API order and show by (decision 0017). */
    public LocalDate issuedOn() {
        return details.issuedOn();
    }

    public DatePrecision issuedPrecision() {
        return details.issuedPrecision();
    }

    public String place() {
        return details.place();
    }

    public List<String> topics() {
        return details.topics();
    }

    public boolean commentsEnabled() {
        return details.commentsEnabled();
    }

    public boolean isPublic() {
        return status().public_();
    }

    public boolean republished() {
        return republication != null;
    }

    /**
     * A republication of a statement on this Chorus follows its original (decision 0018): its words, translations,
     * signatories, date and place change only with the original's.
     */
    public boolean followsOriginal() {
        return republication != null && republication.sourceStatement() != null;
    }

    /** Its writers may change its words, unless it follows an original (then the original's writers do). */
    public void requireOwnWords() {
        if (followsOriginal()) {
            throw DomainException.conflict("statement.republication.follows-original");
        }
    }

    /**
     * Whether its words may change now; else the reason as a conflict: in review or scheduled it is locked until sent
     * back, retracted it stays as it was.
     */
    public void requireEditable() {
        switch (status()) {
            case DRAFT, PUBLISHED -> {}
            case IN_REVIEW -> throw DomainException.conflict("statement.locked-in-review");
            case SCHEDULED -> throw DomainException.conflict("statement.locked-scheduled");
            case RETRACTED -> throw DomainException.conflict("statement.locked-retracted");
        }
    }

    /** A change to a published statement is a correction: only publishers make it, with a note readers see. */
    public boolean editIsCorrection() {
        requireEditable();
        return status() == StatementStatus.PUBLISHED;
    }

    /**
     * Writers change the details (and, elsewhere, the words): a draft freely, a published statement as a correction
     * with its note; a locked statement not at all.
     */
    public Statement edited(Details changed, String correctionNote, Instant now) {
        boolean correction = editIsCorrection();
        if (correction && (correctionNote == null || correctionNote.isBlank())) {
            throw new InvalidField("correctionNote", "statement.correction-note.required");
        }
        if (changed.issuedOn() == null && issuedOn() != null && isPublic()) {
            // a public statement always has a date of issue: a blank field keeps the one it has
            changed = changed.issued(issuedOn(), issuedPrecision());
        }
        var next = new Statement(
                id, slug, issuer, originalLanguage, workflow, changed, republication, createdAt, now, version);
        return correction ? next.correct(now) : next;
    }

    /**
     * A republication that follows its original keeps the republisher's own parts: its introduction and its topics.
     * They change as the words would (a draft freely, a published copy by publishers, a locked one not at all), and
     * nothing of the original is touched.
     */
    public Statement withOwnParts(String introduction, List<String> topics, Instant now) {
        if (!followsOriginal()) {
            throw DomainException.conflict("statement.republication.not-following");
        }
        requireEditable();
        var r = republication;
        return new Statement(
                id,
                slug,
                issuer,
                originalLanguage,
                workflow,
                new Details(issuedOn(), issuedPrecision(), place(), topics, commentsEnabled()),
                new Republication(
                        r.sourceStatement(), r.url(), r.title(), r.publisher(), r.publishedOn(), introduction),
                createdAt,
                now,
                version);
    }

    /** An editor asks for review. */
    public Statement submit(Instant now) {
        require(status() == StatementStatus.DRAFT, "statement.submit-only-drafts");
        return moved(
                new Workflow(
                        StatementStatus.IN_REVIEW,
                        scheduledFor(),
                        publishedAt(),
                        correctedAt(),
                        retractedAt(),
                        retractionNote(),
                        null),
                now);
    }

    /** A reviewer sends it back to its writers with a comment. */
    public Statement sendBack(String comment, Instant now) {
        require(
                status() == StatementStatus.IN_REVIEW || status() == StatementStatus.SCHEDULED,
                "statement.send-back-only-in-review");
        if (comment == null || comment.isBlank()) {
            throw new InvalidField("comment", "statement.review-comment.required");
        }
        return moved(
                new Workflow(
                        StatementStatus.DRAFT,
                        null,
                        publishedAt(),
                        correctedAt(),
                        retractedAt(),
                        retractionNote(),
                        comment.strip()),
                now);
    }

    /**
     * A publisher approves, after review or directly (a draft, or a republication by its publisher): published now, or
     * scheduled when a future time was chosen.
     */
    public Statement approve(Instant at, Instant now) {
        require(
                status() == StatementStatus.IN_REVIEW || status() == StatementStatus.DRAFT,
                "statement.approve-only-in-review");
        if (at != null && at.isAfter(now)) {
            return moved(
                    new Workflow(
                            StatementStatus.SCHEDULED, at, null, correctedAt(), retractedAt(), retractionNote(), null),
                    now);
        }
        return moved(
                new Workflow(
                        StatementStatus.PUBLISHED, null, now, correctedAt(), retractedAt(), retractionNote(), null),
                now);
    }

    /** The scheduled time has come. */
    public Statement publishScheduled(Instant now) {
        require(status() == StatementStatus.SCHEDULED, "statement.not-scheduled");
        return moved(
                new Workflow(
                        StatementStatus.PUBLISHED,
                        null,
                        scheduledFor() == null ? now : scheduledFor(),
                        correctedAt(),
                        retractedAt(),
                        retractionNote(),
                        null),
                now);
    }

    /** A published statement is corrected: its text changes and readers see "corrected on". */
    public Statement correct(Instant now) {
        require(status() == StatementStatus.PUBLISHED, "statement.correct-only-published");
        return moved(
                new Workflow(
                        status(), scheduledFor(), publishedAt(), now, retractedAt(), retractionNote(), reviewComment()),
                now);
    }

    /** Retracted: it stays at its address with a notice saying so and why. */
    public Statement retract(String note, Instant now) {
        require(status() == StatementStatus.PUBLISHED, "statement.retract-only-published");
        if (note == null || note.isBlank()) {
            throw new InvalidField("note", "statement.retraction-note.required");
        }
        return moved(
                new Workflow(
                        StatementStatus.RETRACTED,
                        scheduledFor(),
                        publishedAt(),
                        correctedAt(),
                        now,
                        note.strip(),
                        reviewComment()),
                now);
    }

    /**
     * The statement, public now, with its date of issue: the one its writers gave, else the day it went online, counted
     * in {@code zone}. {@link Publication} calls this, and nothing else decides the date (decision 0017).
     */
    Statement dated(java.time.ZoneId zone) {
        if (issuedOn() != null || publishedAt() == null) {
            return this;
        }
        var day = publishedAt().atZone(zone).toLocalDate();
        return new Statement(
                id,
                slug,
                issuer,
                originalLanguage,
                workflow,
                details.issued(day, DatePrecision.DAY),
                republication,
                createdAt,
                updatedAt,
                version);
    }

    /** The same statement at another address, before it is first stored (its first choice was taken meanwhile). */
    Statement withSlug(String other) {
        return new Statement(
                id, other, issuer, originalLanguage, workflow, details, republication, createdAt, updatedAt, version);
    }

    /** The one place a workflow step builds the statement's next state. */
    private Statement moved(Workflow next, Instant now) {
        return new Statement(id, slug, issuer, originalLanguage, next, details, republication, createdAt, now, version);
    }

    private static void require(boolean allowed, String key) {
        if (!allowed) {
            throw DomainException.conflict(key);
        }
    }
}

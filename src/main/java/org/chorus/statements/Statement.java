package org.chorus.statements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.DomainException;

/**
 * A joint statement issued by an organization. It guards its own workflow: each transition returns the statement in
 * its new state or throws {@code statement.*} when the rule does not allow it from the current state.
 */
public record Statement(
        StatementId id,
        String slug,
        OrganizationId issuer,
        String originalLanguage,
        StatementStatus status,
        LocalDate issuedOn,
        String place,
        List<String> topics,
        boolean commentsEnabled,
        Instant scheduledFor,
        Instant publishedAt,
        Instant correctedAt,
        Instant retractedAt,
        String retractionNote,
        String reviewComment,
        Republication republication,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    Statement withSlug(String other) {
        return new Statement(
                id,
                other,
                issuer,
                originalLanguage,
                status,
                issuedOn,
                place,
                topics,
                commentsEnabled,
                scheduledFor,
                publishedAt,
                correctedAt,
                retractedAt,
                retractionNote,
                reviewComment,
                republication,
                createdAt,
                updatedAt,
                version);
    }

    public boolean isPublic() {
        return status.public_();
    }

    public boolean republished() {
        return republication != null;
    }

    /** Drafts and statements sent back can be edited freely; published ones only as a correction. */
    public boolean editableAsDraft() {
        return status == StatementStatus.DRAFT;
    }

    /** An editor asks for review. */
    public Statement submit(Instant now) {
        require(status == StatementStatus.DRAFT, "statement.submit-only-drafts");
        return moved(
                StatementStatus.IN_REVIEW,
                scheduledFor,
                publishedAt,
                correctedAt,
                retractedAt,
                retractionNote,
                null,
                now);
    }

    /** A reviewer sends it back to its writers with a comment. */
    public Statement sendBack(String comment, Instant now) {
        require(
                status == StatementStatus.IN_REVIEW || status == StatementStatus.SCHEDULED,
                "statement.send-back-only-in-review");
        if (comment == null || comment.isBlank()) {
            throw new org.chorus.shared.InvalidField("comment", "statement.review-comment.required");
        }
        return moved(
                StatementStatus.DRAFT,
                null,
                publishedAt,
                correctedAt,
                retractedAt,
                retractionNote,
                comment.strip(),
                now);
    }

    /** A reviewer approves: published now, or scheduled when a future time was chosen. */
    public Statement approve(Instant at, Instant now) {
        require(
                status == StatementStatus.IN_REVIEW || status == StatementStatus.DRAFT,
                "statement.approve-only-in-review");
        if (at != null && at.isAfter(now)) {
            return moved(StatementStatus.SCHEDULED, at, null, correctedAt, retractedAt, retractionNote, null, now);
        }
        return moved(StatementStatus.PUBLISHED, null, now, correctedAt, retractedAt, retractionNote, null, now);
    }

    /** The scheduled time has come. */
    public Statement publishScheduled(Instant now) {
        require(status == StatementStatus.SCHEDULED, "statement.not-scheduled");
        return moved(
                StatementStatus.PUBLISHED,
                null,
                scheduledFor == null ? now : scheduledFor,
                correctedAt,
                retractedAt,
                retractionNote,
                null,
                now);
    }

    /** A published statement is corrected: its text changes and readers see "corrected on". */
    public Statement correct(Instant now) {
        require(status == StatementStatus.PUBLISHED, "statement.correct-only-published");
        return moved(status, scheduledFor, publishedAt, now, retractedAt, retractionNote, reviewComment, now);
    }

    /** Retracted: it stays at its address with a notice saying so and why. */
    public Statement retract(String note, Instant now) {
        require(status == StatementStatus.PUBLISHED, "statement.retract-only-published");
        if (note == null || note.isBlank()) {
            throw new org.chorus.shared.InvalidField("note", "statement.retraction-note.required");
        }
        return moved(
                StatementStatus.RETRACTED,
                scheduledFor,
                publishedAt,
                correctedAt,
                now,
                note.strip(),
                reviewComment,
                now);
    }

    public Statement withDetails(
            LocalDate issuedOn, String place, List<String> topics, boolean commentsEnabled, Instant now) {
        return new Statement(
                id,
                slug,
                issuer,
                originalLanguage,
                status,
                issuedOn,
                place,
                topics,
                commentsEnabled,
                scheduledFor,
                publishedAt,
                correctedAt,
                retractedAt,
                retractionNote,
                reviewComment,
                republication,
                createdAt,
                now,
                version);
    }

    /** The one place a workflow step builds the statement's next state. */
    private Statement moved(
            StatementStatus to,
            Instant scheduled,
            Instant published,
            Instant corrected,
            Instant retracted,
            String note,
            String comment,
            Instant now) {
        return new Statement(
                id,
                slug,
                issuer,
                originalLanguage,
                to,
                issuedOn,
                place,
                topics,
                commentsEnabled,
                scheduled,
                published,
                corrected,
                retracted,
                note,
                comment,
                republication,
                createdAt,
                now,
                version);
    }

    private static void require(boolean allowed, String key) {
        if (!allowed) {
            throw DomainException.conflict(key);
        }
    }
}

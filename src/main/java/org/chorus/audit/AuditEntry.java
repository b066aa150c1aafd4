package org.chorus.audit;

import java.time.Instant;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.statements.StatementId;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log as stored: ids only, names are read when it is shown.
 *
 * @param kind what happened, {@code <area>.<WHAT>} (e.g. {@code account.PASSWORD_CHANGED}, {@code members.ROLE_CHANGED});
 *     the sentence shown for it is the message {@code audit.entry.<kind>}
 * @param actor who did it; null when Chorus did it by itself (a scheduled publication)
 * @param detail a short label (a role, a decision, counts, a token's name), never personal data
 */
public record AuditEntry(
        long id,
        Instant occurredAt,
        String kind,
        @Nullable AccountId actor,
        @Nullable OrganizationId organization,
        @Nullable AccountId subject,
        boolean shownToSubject,
        @Nullable OrganizationId otherOrganization,
        @Nullable StatementId statement,
        @Nullable String detail) {

    /** A new entry, before it has an id. */
    static AuditEntry of(String kind, Instant at, @Nullable AccountId actor) {
        return new AuditEntry(0, at, kind, actor, null, null, true, null, null, null);
    }

    AuditEntry in(@Nullable OrganizationId organization) {
        return new AuditEntry(
                id,
                occurredAt,
                kind,
                actor,
                organization,
                subject,
                shownToSubject,
                otherOrganization,
                statement,
                detail);
    }

    AuditEntry about(@Nullable AccountId subject) {
        return new AuditEntry(
                id,
                occurredAt,
                kind,
                actor,
                organization,
                subject,
                shownToSubject,
                otherOrganization,
                statement,
                detail);
    }

    /** The person it was done to does not see it in their own log (it names the moderator who banned them). */
    AuditEntry hiddenFromSubject() {
        return new AuditEntry(
                id, occurredAt, kind, actor, organization, subject, false, otherOrganization, statement, detail);
    }

    AuditEntry concerning(@Nullable OrganizationId other) {
        return new AuditEntry(
                id, occurredAt, kind, actor, organization, subject, shownToSubject, other, statement, detail);
    }

    AuditEntry on(@Nullable StatementId statement) {
        return new AuditEntry(
                id,
                occurredAt,
                kind,
                actor,
                organization,
                subject,
                shownToSubject,
                otherOrganization,
                statement,
                detail);
    }

    AuditEntry saying(@Nullable String detail) {
        return new AuditEntry(
                id,
                occurredAt,
                kind,
                actor,
                organization,
                subject,
                shownToSubject,
                otherOrganization,
                statement,
                detail);
    }

    static @Nullable UUID value(@Nullable AccountId id) {
        return id == null ? null : id.value();
    }
}

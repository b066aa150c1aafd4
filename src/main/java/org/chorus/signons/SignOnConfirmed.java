package org.chorus.signons;

import java.time.Instant;
import java.util.List;
import org.chorus.organizations.OrganizationId;
import org.chorus.statements.StatementId;

/**
 * Published once a sign-on is confirmed: by its signer's link, or at once when an owner signs for a Chorus
 * organization. Emitted only by {@link SigningOn}.
 *
 * @param status {@code APPROVED} when it is listed now, {@code CONFIRMED} when it waits for an organizer
 * @param keepInformedBy the organizations the signer agreed to hear from (each ticked on its own)
 */
public record SignOnConfirmed(
        SignOnId id,
        StatementId statement,
        SignOnKind kind,
        SignOnStatus status,
        List<OrganizationId> keepInformedBy,
        Instant at) {

    public SignOnConfirmed {
        keepInformedBy = List.copyOf(keepInformedBy);
    }
}

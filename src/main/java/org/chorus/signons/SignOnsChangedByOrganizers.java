package org.chorus.signons;

import java.time.Instant;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.statements.StatementId;

/**
 * Published when organizers change a statement's sign-ons by hand, for the issuer's activity log: never a name or an
 * address, only what was done and to how many. (A signer's own withdrawal is {@link SignOnWithdrawn}.)
 *
 * @param count how many sign-ons it touched (the discarded ones; 1 for a rename or a removal; the one merged away)
 */
public record SignOnsChangedByOrganizers(
        StatementId statement, OrganizationId issuer, Change change, int count, AccountId by, Instant at) {

    /** What the organizers did. */
    public enum Change {
        /** A sign-on deleted with its personal data, at its signer's request. */
        REMOVED,
        /** A duplicate deleted, the sign-on it duplicated kept. */
        MERGED,
        /** The name shown for a sign-on changed, at its signer's request. */
        RENAMED,
        /** Unconfirmed sign-ons of one burst deleted at once. */
        DISCARDED
    }
}

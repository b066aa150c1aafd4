package org.chorus.signons;

import java.time.Duration;
import java.time.Instant;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.DomainException;
import org.chorus.statements.StatementId;

/**
 * One signature on a statement, by an organization or a person, with what the public may see of it. What is
 * personal (the email, the contact person, a person's name) is kept apart, sealed ({@link Signer}).
 *
 * @param name an organization's name, or a person's when they consented to be listed (else null)
 * @param affiliation a listed person's affiliation (null when not listed)
 * @param title a listed person's title (null when not listed)
 * @param organizationKey for organizations: name, country and website host normalized, to flag likely duplicates
 * @param organization the Chorus organization that signed in one click, if any
 * @param signedBy the account that signed in one click, if any
 * @param expiresAt until when an unconfirmed sign-on may be confirmed
 */
public record SignOn(
        SignOnId id,
        StatementId statement,
        SignOnKind kind,
        SignOnStatus status,
        String country,
        String name,
        String affiliation,
        String title,
        String website,
        String description,
        boolean showName,
        String organizationKey,
        OrganizationId organization,
        AccountId signedBy,
        String language,
        Instant createdAt,
        Instant confirmedAt,
        Instant expiresAt) {

    /** How long a sign-on may wait for its signer to follow the confirmation link. */
    public static final Duration CONFIRMATION_VALIDITY = Duration.ofDays(7);

    /**
     * A new sign-on from a checked form: an organization's name, website and description are public; a person's name,
     * affiliation and title only when they asked to be listed and the opening lists names. Pending until
     * {@link #CONFIRMATION_VALIDITY} from now, or confirmed now when it is stored in another status.
     */
    static SignOn fromForm(
            StatementId statement,
            SignOnForm checked,
            SignOnOpening opening,
            SignOnStatus status,
            String language,
            Instant now) {
        var person = checked.kind() == SignOnKind.PERSON;
        boolean listed = person && checked.showName() && opening.choices().showPeopleNames();
        boolean pending = status == SignOnStatus.PENDING;
        return new SignOn(
                SignOnId.random(),
                statement,
                checked.kind(),
                status,
                checked.country(),
                person ? (listed ? checked.name() : null) : checked.name(),
                listed ? checked.affiliation() : null,
                listed ? checked.title() : null,
                checked.website(),
                checked.description(),
                listed,
                person ? null : Signer.organizationKey(checked.name(), checked.country(), checked.website()),
                null,
                null,
                language,
                now,
                pending ? null : now,
                pending ? now.plus(CONFIRMATION_VALIDITY) : null);
    }

    /** Whether the public list and the counts include it. */
    public boolean listed() {
        return status == SignOnStatus.APPROVED;
    }

    /** Whether its signer may still confirm it at {@code now}. */
    public boolean confirmableAt(Instant now) {
        return status == SignOnStatus.PENDING && now.isBefore(expiresAt);
    }

    /** Confirmed by its signer: approved or waiting for an organizer, as the opening says. */
    SignOn confirm(SignOnOpening opening, Instant now) {
        if (status != SignOnStatus.PENDING) {
            throw DomainException.conflict("signons.already-confirmed");
        }
        return new SignOn(
                id,
                statement,
                kind,
                opening.statusOnConfirmation(kind),
                country,
                name,
                affiliation,
                title,
                website,
                description,
                showName,
                organizationKey,
                organization,
                signedBy,
                language,
                createdAt,
                now,
                null);
    }
}

package org.chorus.signons;

import java.time.Instant;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;

/**
 * Published when an owner designates a member as an organizer of the organization's sign-ons ({@code organizer}), or
 * withdraws it.
 */
public record SignOnOrganizerDesignated(
        OrganizationId organization, AccountId account, boolean organizer, AccountId by, Instant at) {}

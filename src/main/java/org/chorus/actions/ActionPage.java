package org.chorus.actions;

import org.chorus.campaigns.PublishedCampaign;
import org.chorus.organizations.Organization;

/**
 * An action's page as its reader may see it.
 *
 * @param exactPlace the reader sees the venue, address and pin (the host and organizers always; others unless the
 *     host shows only the city)
 * @param canEdit the reader is its host or an organizer of its campaign
 * @param organizer the reader organizes its campaign (approves, rejects, marks flagship)
 * @param hostContact the name and email of a host without an account, for the organizers alone (else null)
 * @param cosponsors the organizations co-sponsoring it, in the host's order
 * @param revealAhead the public sees only the city now, and the exact place from a moment to come: a page or calendar
 *     rendered now must not be kept past it
 */
public record ActionPage(
        Action action,
        PublishedCampaign campaign,
        Organization organization,
        boolean exactPlace,
        boolean canEdit,
        boolean organizer,
        HostContact hostContact,
        java.util.List<Organization> cosponsors,
        boolean revealAhead,
        boolean hostTrusted,
        boolean organizationTrusted) {}

package org.chorus.campaigns;

import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.web.PublicPagesChanged;

/**
 * Published when an owner calls off a published campaign: its page says so and lists leave it; the audit log records
 * who did it.
 *
 * @param title the title in the original language
 */
public record CampaignWithdrawn(CampaignId campaign, String slug, OrganizationId issuer, String title, AccountId by)
        implements PublicPagesChanged {}

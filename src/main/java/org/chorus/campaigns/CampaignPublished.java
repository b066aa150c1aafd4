package org.chorus.campaigns;

import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.web.PublicPagesChanged;

/**
 * Published when an owner makes a campaign public; lists, feeds, the audit log and (later) federation listen to it.
 *
 * @param title the title in the original language, as it was published
 */
public record CampaignPublished(
        CampaignId campaign, String slug, OrganizationId issuer, String language, String title, AccountId by)
        implements PublicPagesChanged {}

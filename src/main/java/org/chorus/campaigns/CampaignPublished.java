package org.chorus.campaigns;

import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.web.PublicPagesChanged;

/** Published when an owner makes a campaign public; lists, feeds and (later) federation listen to it. */
public record CampaignPublished(CampaignId campaign, OrganizationId issuer, String language, AccountId by)
        implements PublicPagesChanged {}

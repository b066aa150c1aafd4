package org.chorus.campaigns;

import java.time.LocalDate;
import org.chorus.organizations.OrganizationId;

/**
 * The place after a campaign's call, days of action and demands on its public page, where modules above campaigns add
 * their part ({@link org.chorus.shared.web.PageContribution PageContribution&lt;AfterCampaignCall&gt;}): the actions
 * module, next, its map, list, counts and "add your action".
 *
 * @param isPublic the campaign is published (not a draft, not withdrawn)
 * @param today today's date in the campaign's time zone
 */
public record AfterCampaignCall(
        CampaignId campaign,
        String slug,
        OrganizationId issuer,
        boolean isPublic,
        Campaign.Phase phase,
        LocalDate today) {}

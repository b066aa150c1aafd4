package org.chorus.campaigns;

import org.chorus.accounts.AccountId;
import org.chorus.shared.web.PublicPagesChanged;

/** Published when anything of a campaign changes after it was created: its plan, a text, a translation (a withdrawal is {@link CampaignWithdrawn}). */
public record CampaignChanged(CampaignId campaign, AccountId by) implements PublicPagesChanged {}

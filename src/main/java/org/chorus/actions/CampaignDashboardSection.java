package org.chorus.actions;

import java.util.List;
import org.chorus.campaigns.CampaignId;
import org.chorus.statements.StatementId;

/**
 * The place after the actions' charts on a campaign's dashboard, where modules above actions add theirs
 * ({@link org.chorus.shared.web.PageContribution PageContribution&lt;CampaignDashboardSection&gt;}): sign-ons of the
 * related statements, RSVPs, turnout, letters. Only the campaign's organizers see the page; each part draws its charts
 * with {@code shared/bar-chart.jte} and offers their figures as CSV.
 *
 * @param statements the statements the campaign relates to, in its order
 */
public record CampaignDashboardSection(CampaignId campaign, String slug, List<StatementId> statements) {}

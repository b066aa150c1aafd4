package org.chorus.actions;

import java.time.ZoneId;
import java.util.List;
import org.chorus.campaigns.CampaignId;
import org.chorus.statements.StatementId;

/**
 * The place after the actions' charts on a campaign's dashboard, where modules above actions add theirs
 * ({@link org.chorus.shared.web.PageContribution PageContribution&lt;CampaignDashboardSection&gt;}): sign-ons of the
 * related statements, RSVPs, turnout, letters. Only the campaign's organizers see the page; each part draws its charts
 * with {@code shared/bar-chart.jte} (in {@code shared/dashboard-section.jte}) and offers their figures as CSV.
 *
 * @param zone the campaign's time zone, in which figures per day are counted
 * @param statements the statements the campaign relates to, in its order
 */
public record CampaignDashboardSection(CampaignId campaign, String slug, ZoneId zone, List<StatementId> statements) {

    /** The address of a part's CSV: {@code /c/{slug}/manage/dashboard/{name}.csv}. */
    public String csv(String name) {
        return "/c/" + slug + "/manage/dashboard/" + name + ".csv";
    }
}

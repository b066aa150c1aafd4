package org.chorus.actions;

import java.util.List;

/**
 * The figures a module adds to a campaign's dashboard, as CSV rows (the header first), served at
 * {@code /c/{slug}/manage/dashboard/{name}.csv} by the dashboard itself, which lets only the campaign's organizers in:
 * the modules above actions that add a part to the page ({@link CampaignDashboardSection}) add its CSV here. Counts
 * only, never personal data.
 */
public interface CampaignDashboardCsv {

    /** The part's name in the address ({@code signons}, {@code rsvps}, …). */
    String name();

    /** The rows, header first. */
    List<List<String>> rows(CampaignDashboardSection section);
}

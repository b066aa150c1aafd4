package org.chorus.campaigns.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chorus.campaigns.CampaignPage;
import org.chorus.campaigns.CampaignStatus;
import org.chorus.organizations.Organization;
import org.chorus.shared.web.Ui;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema.org description of a campaign page (decision 0035), for search engines and link previews: an
 * EventSeries over the campaign's window with its days of action as all-day sub-events, its issuer as organizer and
 * its partners as contributors. Jackson writes the JSON; {@code < > &} are then escaped (they occur only inside
 * strings), so no text a writer typed can close the script element it sits in.
 */
public final class CampaignJsonLd {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CampaignJsonLd() {}

    /** The JSON-LD of the page; empty for a draft, which is no public event. */
    public static String of(CampaignPage page, Ui ui) {
        var campaign = page.campaign();
        if (campaign.status() == CampaignStatus.DRAFT) {
            return "";
        }
        var plan = campaign.plan();
        var text = page.text();
        var url = ui.absolute(page.path(text.language()));
        var status = campaign.status() == CampaignStatus.WITHDRAWN
                ? "https://schema.org/EventCancelled"
                : "https://schema.org/EventScheduled";
        var days = new ArrayList<Map<String, Object>>();
        for (var day : plan.daysOfAction()) {
            var event = new LinkedHashMap<String, Object>();
            event.put("@type", "Event");
            event.put("name", ui.t("campaign.day-of-action", text.title()));
            event.put("startDate", day.toString());
            event.put("endDate", day.toString());
            event.put("eventStatus", status);
            event.put("url", url);
            days.add(event);
        }
        var series = new LinkedHashMap<String, Object>();
        series.put("@context", "https://schema.org");
        series.put("@type", "EventSeries");
        series.put("name", text.title());
        series.put("description", text.excerpt(300));
        series.put("url", url);
        series.put("inLanguage", text.language());
        series.put("startDate", plan.startsOn().toString());
        series.put("endDate", plan.endsOn().toString());
        series.put("eventStatus", status);
        if (page.issuer() != null) {
            series.put("organizer", organization(page.issuer(), ui));
        }
        if (!page.partners().isEmpty()) {
            series.put(
                    "contributor",
                    page.partners().stream().map(p -> organization(p, ui)).toList());
        }
        series.put("subEvent", days);
        return JSON.writeValueAsString(series)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026");
    }

    private static Map<String, Object> organization(Organization organization, Ui ui) {
        var named = new LinkedHashMap<String, Object>();
        named.put("@type", "Organization");
        named.put("name", organization.name());
        named.put("url", ui.absolute("/o/" + organization.slug()));
        return named;
    }
}

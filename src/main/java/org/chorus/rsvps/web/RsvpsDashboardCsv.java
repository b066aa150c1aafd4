package org.chorus.rsvps.web;

import java.util.ArrayList;
import java.util.List;
import org.chorus.actions.CampaignDashboardCsv;
import org.chorus.actions.CampaignDashboardSection;
import org.chorus.rsvps.ReadingRsvps;
import org.springframework.stereotype.Component;

/** A campaign's RSVPs as its dashboard's CSV: the RSVPs confirmed each day, then the totals; no one's name. */
@Component
class RsvpsDashboardCsv implements CampaignDashboardCsv {

    private final ReadingRsvps rsvps;

    RsvpsDashboardCsv(ReadingRsvps rsvps) {
        this.rsvps = rsvps;
    }

    @Override
    public String name() {
        return "rsvps";
    }

    @Override
    public List<List<String>> rows(CampaignDashboardSection section) {
        var figures = rsvps.ofCampaign(section.campaign(), section.zone());
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("day", "rsvps_confirmed"));
        figures.confirmedPerDay().forEach((day, n) -> rows.add(List.of(day.toString(), Long.toString(n))));
        rows.add(List.of("people_going", Long.toString(figures.going())));
        rows.add(List.of("people_waitlisted", Long.toString(figures.waitlisted())));
        rows.add(List.of("rsvps_cancelled", Long.toString(figures.cancelled())));
        return rows;
    }
}

package org.chorus.actions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chorus.campaigns.PublishedCampaign;

/** A page of a campaign's approved actions, by day then country, with the cursor of the next page (or null). */
public record ActionList(PublishedCampaign campaign, List<Action> actions, ActionFilter filter, String next) {

    /** The page's actions under their day (a local date where each happens), in order. */
    public Map<LocalDate, List<Action>> byDay() {
        var days = new LinkedHashMap<LocalDate, List<Action>>();
        for (var action : actions) {
            days.computeIfAbsent(action.details().start().toLocalDate(), d -> new ArrayList<>())
                    .add(action);
        }
        return days;
    }
}

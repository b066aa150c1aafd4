package org.chorus.actions;

import java.time.ZonedDateTime;
import org.chorus.campaigns.ActionKind;

/**
 * An action the public first saw in some period, as a letter to a campaign's followers lists it: what, when (in its
 * own zone), the city shown publicly (empty online), and its page.
 *
 * @param kilometres from the city the follower chose, or null when they follow the campaign everywhere
 */
public record NewAction(
        ActionId id, String title, ActionKind kind, ZonedDateTime start, String city, String country, Long kilometres) {

    public String path() {
        return "/actions/" + id;
    }
}

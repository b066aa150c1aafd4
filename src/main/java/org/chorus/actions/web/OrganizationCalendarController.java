package org.chorus.actions.web;

import org.chorus.actions.ReadingActions;
import org.chorus.shared.web.PublicPage;
import org.chorus.shared.web.Ui;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * An organization's calendar to subscribe to (decision 0035): the actions it hosts and the days of action of its
 * campaigns. Public and kept by the page cache like a campaign's; an approval shows in it once the cache's copy goes
 * stale (at most a minute: action events name their campaign's pages, not the host's).
 */
@Controller
class OrganizationCalendarController {

    private final ReadingActions reading;

    OrganizationCalendarController(ReadingActions reading) {
        this.reading = reading;
    }

    @GetMapping("/o/{slug}/actions.ics")
    @PublicPage
    @ResponseBody
    ResponseEntity<String> calendar(@PathVariable String slug, Ui ui) {
        return ResponseEntity.ok()
                .contentType(ActionPagesController.CALENDAR)
                .body(reading.organizationCalendar(slug, ui.lang(), title -> ui.t("campaign.day-of-action", title)));
    }
}

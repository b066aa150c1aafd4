package org.chorus.actions.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.chorus.actions.ActionFilter;
import org.chorus.actions.ActionId;
import org.chorus.actions.ActionPage;
import org.chorus.actions.ActionReportSlot;
import org.chorus.actions.AfterActionDetails;
import org.chorus.actions.ReadingActions;
import org.chorus.organizations.Actor;
import org.chorus.places.BoundingBox;
import org.chorus.places.GeoJson;
import org.chorus.places.GridCells;
import org.chorus.shared.calendar.CalendarFeed;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.PageContributions;
import org.chorus.shared.web.PublicPage;
import org.chorus.shared.web.PublicPageCache;
import org.chorus.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * What readers see of actions: an action's page and calendar, a campaign's list of actions (the map's accessible
 * alternative), its map's GeoJSON and its calendar. Public pages are kept by the page cache once approved.
 */
@Controller
class ActionPagesController {

    static final MediaType CALENDAR = MediaType.parseMediaType(CalendarFeed.MEDIA_TYPE);

    private final ReadingActions reading;
    private final PageContributions<AfterActionDetails> contributions;
    private final PageContributions<ActionReportSlot> reports;
    private final Clock clock;

    ActionPagesController(
            ReadingActions reading,
            ObjectProvider<PageContribution<AfterActionDetails>> contributions,
            ObjectProvider<PageContribution<ActionReportSlot>> reports,
            Clock clock) {
        this.reading = reading;
        this.contributions = new PageContributions<>(contributions);
        this.reports = new PageContributions<>(reports);
        this.clock = clock;
    }

    /** What modules above actions add to an action's page (decision 0006). */
    @ModelAttribute("contributions")
    PageContributions<AfterActionDetails> contributions() {
        return contributions;
    }

    @GetMapping("/actions/{id:[0-9a-f-]{36}}")
    @PublicPage
    String page(@PathVariable String id, @Nullable Actor viewer, Ui ui, Model model, HttpServletRequest request) {
        var page = reading.page(viewer, ActionId.parse(id), ui.lang());
        notKeptPastReveal(page, request);
        model.addAttribute("page", page);
        model.addAttribute("reports", reports.render(new ActionReportSlot(page, clock.instant()), ui));
        return "actions/show";
    }

    @GetMapping("/actions/{id:[0-9a-f-]{36}}.ics")
    @PublicPage
    @ResponseBody
    ResponseEntity<String> calendar(@PathVariable String id, @Nullable Actor viewer, HttpServletRequest request) {
        var page = reading.page(viewer, ActionId.parse(id), null);
        notKeptPastReveal(page, request);
        return ResponseEntity.ok().contentType(CALENDAR).body(reading.calendar(page));
    }

    /**
     * An approximate place revealed at a moment to come: the page cache keeps no rendering of it until then, so none
     * outlives the reveal (the campaign's map and calendar, kept at most {@code PublicPageCache.MAX_STALE}, may lag
     * by that much).
     */
    private static void notKeptPastReveal(ActionPage page, HttpServletRequest request) {
        if (page.revealAhead()) {
            PublicPageCache.doNotKeep(request);
        }
    }

    /** The list of approved actions by day then country, filtered, a page at a time: works without JavaScript. */
    @GetMapping("/c/{slug}/actions")
    @PublicPage(parameters = {"kind", "day", "country", "after"})
    String list(
            @PathVariable String slug,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String day,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String after,
            Ui ui,
            Model model) {
        var filter = ActionFilter.parse(kind, day, country, false);
        model.addAttribute("list", reading.list(slug, filter, after, ui.lang()));
        return "actions/list";
    }

    @GetMapping("/c/{slug}/actions.geojson")
    @PublicPage(parameters = {"bbox", "zoom", "kind", "day"})
    @ResponseBody
    ResponseEntity<GeoJson.FeatureCollection> map(
            @PathVariable String slug,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String zoom,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String day,
            Ui ui) {
        var box = BoundingBox.parse(bbox);
        var grid = GridCells.parse(zoom);
        var filter = ActionFilter.parse(kind, day, null, false);
        return GeoJson.response(reading.map(slug, box, grid, filter, ui.locale()));
    }

    @GetMapping("/c/{slug}/actions.ics")
    @PublicPage
    @ResponseBody
    ResponseEntity<String> campaignCalendar(@PathVariable String slug) {
        return ResponseEntity.ok().contentType(CALENDAR).body(reading.calendar(slug));
    }
}

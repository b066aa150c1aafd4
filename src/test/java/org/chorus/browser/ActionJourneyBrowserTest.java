package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.time.LocalDate;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.shared.calendar.CalendarFeed;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A signed-in person registers an action under a campaign (finding the city without JavaScript's help), an organizer
 * approves it in bulk, and it shows in the campaign's list and calendar; the pages pass axe, in Arabic at a phone's
 * width too.
 */
@ChorusWebTest
class ActionJourneyBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures fixtures;

    @Autowired
    org.chorus.actions.ActionFixtures actions;

    @Autowired
    Clock clock;

    @Test
    void a_person_registers_an_action_an_organizer_approves_it_in_bulk_and_it_is_listed_and_in_the_calendar() {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var host = fixtures.person("host");
        var slug = actions.campaign(Actor.of(owner), coalition);
        var title = Fixtures.unique("Teach-in at the library");
        var day = LocalDate.now(clock).plusDays(15);

        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            Browser.signIn(page, host.email());
            page.navigate("/c/" + slug);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add your action"))
                    .first()
                    .click();
            page.getByLabel("Protest or rally").check();
            page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true))
                    .fill(title);
            page.getByLabel("Starts").fill(day + "T18:00");
            page.getByLabel("Ends").fill(day + "T20:00");
            page.getByLabel("City", new Page.GetByLabelOptions().setExact(true)).fill("Toronto");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find the city"))
                    .click();
            page.locator(".city-choices input[type=radio]").first().check();
            page.getByLabel("Venue").fill("Central library");
            Browser.assertAxeClean(page, "the action form");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register the action"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("organizers will review it");
            assertThat(page.locator("h1")).hasText(title);
            assertThat(page.locator(".action-facts")).containsText("America/Toronto");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                    .click();

            Browser.signIn(page, owner.email());
            page.navigate("/c/" + slug + "/manage/actions");
            Browser.assertAxeClean(page, "the moderation queue");
            page.getByLabel("Approve “" + title + "”").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve the ticked actions"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("approved");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                    .click();

            page.navigate("/c/" + slug);
            assertThat(page.locator(".campaign-actions-total")).hasText("One action is registered.");
            Browser.assertAxeClean(page, "the campaign page with its actions");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the list of actions"))
                    .first()
                    .click();
            assertThat(page.locator(".action-list")).containsText(title);
            Browser.assertAxeClean(page, "the list of actions");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title))
                    .click();
            Browser.assertAxeClean(page, "the action page");
            var calendar = page.request().get("/c/" + slug + "/actions.ics").text();
            org.assertj.core.api.Assertions.assertThat(CalendarFeed.events(CalendarFeed.read(calendar)))
                    .extracting(e -> e.summary())
                    .containsExactly(title);
        }

        try (var arabic = browser.newContext(base(), "ar")) {
            var page = arabic.newPage();
            page.setViewportSize(375, 800);
            page.navigate("/c/" + slug + "/actions?lang=ar");
            assertThat(page.locator("html")).hasAttribute("dir", "rtl");
            Browser.assertAxeClean(page, "the list of actions in Arabic, at a phone's width");
            page.locator(".action-item a").first().click();
            Browser.assertAxeClean(page, "an action page in Arabic, at a phone's width");
        }
    }
}

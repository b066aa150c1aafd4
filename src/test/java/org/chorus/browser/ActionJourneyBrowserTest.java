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
 * width too. A visitor without an account does the same by confirming their address from the letter in /dev/mail,
 * and reads the time in their own zone beside the action's.
 */
@ChorusWebTest
class ActionJourneyBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures fixtures;

    @Autowired
    org.chorus.actions.ActionFixtures actions;

    @Autowired
    Clock clock;

    @Autowired
    org.chorus.support.TestClock testClock;

    @Autowired
    org.chorus.email.DevMailInTests devMail;

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
            fillIn(page, title, day, "Toronto");
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
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dashboard: figures and charts"))
                    .click();
            assertThat(page.locator(".dashboard-totals dd").first()).hasText("1");
            Browser.assertAxeClean(page, "the campaign dashboard");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                    .click();

            page.navigate("/c/" + slug);
            assertThat(page.locator(".campaign-actions-total")).hasText("One action is registered.");
            Browser.assertAxeClean(page, "the campaign page with its actions");
            // the map draws it from the campaign's GeoJSON: a marker named by its title, whose popup links its page
            page.locator("#actions-map").getByTitle(title).click();
            assertThat(page.locator(".leaflet-popup-content a.chorus-map-title"))
                    .hasText(title);
            page.keyboard().press("Escape");
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

    @Test
    void a_visitor_without_an_account_registers_an_action_confirms_it_from_the_letter_and_it_is_listed()
            throws Exception {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var slug = actions.campaign(Actor.of(owner), coalition);
        var title = Fixtures.unique("Vigil at the embassy");
        var email = Fixtures.uniqueEmail("visitor");
        var day = LocalDate.now(clock).plusDays(15);

        try (var mail = devMail.switchOn();
                var visiting = browser.newContext(base(), "en", "Asia/Tokyo");
                var organizing = browser.newContext(base(), "en")) {
            var page = visiting.newPage();
            page.navigate("/c/" + slug + "/actions/new");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue with your email"))
                    .click();
            fillIn(page, title, day, "Paris");
            page.getByLabel("Your name").fill("Nour Haddad");
            page.getByLabel("Your email").fill(email);
            Browser.assertAxeClean(page, "the form of a host without an account");
            testClock.advance(java.time.Duration.ofSeconds(4)); // a person takes a few seconds to fill it in
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register the action"))
                    .click();
            assertThat(page.locator("h1")).hasText("Check your email");

            Browser.openLetter(page, email, "Confirm your action “" + title + "”", 1);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("HTML version"))
                    .click();
            var confirm = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Confirm my action"))
                    .getAttribute("href");
            page.navigate(Browser.onThisServer(confirm));
            Browser.assertAxeClean(page, "the confirmation page");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my action"))
                    .click();
            assertThat(page.locator("h1")).hasText("Your action is registered");

            var organizer = organizing.newPage();
            Browser.signIn(organizer, owner.email());
            organizer.navigate("/c/" + slug + "/manage/actions");
            organizer.getByLabel("Approve “" + title + "”").check();
            organizer
                    .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve the ticked actions"))
                    .click();
            assertThat(organizer.locator(".notice").first()).containsText("approved");

            page.navigate("/c/" + slug + "/actions");
            assertThat(page.locator(".action-list")).containsText(title);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title))
                    .click();
            // 18:00 in Paris is the next morning in Tokyo: the script says so, in the page's language
            assertThat(page.locator(".reader-time")).isVisible();
            assertThat(page.locator(".reader-time")).containsText("Your time:");
            assertThat(page.locator(".reader-time")).containsText("GMT+9");
            Browser.assertAxeClean(page, "the action page with the reader's time");
            var calendar = page.request().get(page.url() + ".ics").text();
            org.assertj.core.api.Assertions.assertThat(CalendarFeed.events(CalendarFeed.read(calendar)))
                    .extracting(e -> e.summary())
                    .containsExactly(title);
        }
    }

    /** The action form filled as a host does: a protest from 18:00 to 20:00 that day, its city found without JS. */
    private static void fillIn(Page page, String title, LocalDate day, String city) {
        page.getByLabel("Protest or rally").check();
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill(title);
        page.getByLabel("Starts").fill(day + "T18:00");
        page.getByLabel("Ends").fill(day + "T20:00");
        page.getByLabel("City", new Page.GetByLabelOptions().setExact(true)).fill(city);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find the city"))
                .click();
        page.locator(".city-choices input[type=radio]").first().check();
    }
}

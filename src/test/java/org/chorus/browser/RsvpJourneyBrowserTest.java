package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.List;
import org.chorus.actions.ActionFixtures;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.rsvps.ManagingRsvps;
import org.chorus.rsvps.RsvpFixtures;
import org.chorus.rsvps.RsvpSettings;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestClock;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A guest RSVPs to a full-but-one action from its page, confirms from the letter in /dev/mail, gets the reminder the
 * day before (the job run at that moment), opens their RSVP from it with the exact place and cancels it; the person waiting is promoted and told by mail. The pages pass axe, in Arabic at a
 * phone's width too.
 */
@ChorusWebTest
class RsvpJourneyBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    RsvpFixtures rsvps;

    @Autowired
    ManagingRsvps managing;

    @Autowired
    TestClock testClock;

    @Autowired
    org.chorus.rsvps.RemindingRsvps reminding;

    @Autowired
    org.chorus.email.DevMailInTests devMail;

    @Test
    void a_guest_rsvps_confirms_gets_the_reminder_cancels_from_it_and_the_waitlisted_person_is_promoted()
            throws Exception {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var slug = actions.campaign(Actor.of(owner), coalition);
        var title = Fixtures.unique("Banner making");
        var action = actions.registered(Actor.of(owner), slug, title);
        managing.change(Actor.of(owner), action.id(), new RsvpSettings(1, List.of("Your favourite colour?"), ""));
        var email = Fixtures.uniqueEmail("guest");
        var waiting = Fixtures.uniqueEmail("waiting");

        try (var mail = devMail.switchOn();
                var visiting = browser.newContext(base(), "en")) {
            var page = visiting.newPage();
            page.navigate("/actions/" + action.id());
            Browser.assertAxeClean(page, "the action page with the RSVP form");
            page.getByLabel("Your name").fill("Nour Haddad");
            page.getByLabel("Your email address").fill(email);
            page.getByLabel("Your favourite colour?").fill("Green");
            testClock.advance(Duration.ofSeconds(4)); // a person takes a few seconds to fill it in
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I’m going"))
                    .click();
            assertThat(page.locator("h1")).hasText("Check your email");

            Browser.openLetter(page, email, "Confirm your RSVP: " + title, 1);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("HTML version"))
                    .click();
            var confirm = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Confirm my RSVP"))
                    .getAttribute("href");
            page.navigate(Browser.onThisServer(confirm));
            Browser.assertAxeClean(page, "the RSVP's confirmation page");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my RSVP"))
                    .click();
            assertThat(page.locator("h1")).hasText("You are going");

            // someone else confirms after the only place was taken: the waitlist
            rsvps.confirmed(action.id(), "Waiting Person", waiting, 0);
            org.assertj.core.api.Assertions.assertThat(
                            TestMail.await(waiting, 2).get(1).getSubject())
                    .startsWith("On the waitlist");

            // the day before at 11:00 in the action's zone: the reminder, with the calendar file and the RSVP's link
            var start = action.details().start();
            reminding.sendDue(start.toLocalDate()
                    .minusDays(1)
                    .atTime(11, 0)
                    .atZone(start.getZone())
                    .toInstant());
            org.assertj.core.api.Assertions.assertThat(org.chorus.support.ReceivedMail.attachment(
                            TestMail.await(email, 3).get(2), "action.ics"))
                    .contains("BEGIN:VEVENT");
            Browser.openLetter(page, email, "Tomorrow: " + title, 1);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("HTML version"))
                    .click();
            var own = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See or cancel my RSVP"))
                    .getAttribute("href");
            page.navigate(Browser.onThisServer(own));
            assertThat(page.locator(".rsvp-place")).containsText("Place de la République");
            Browser.assertAxeClean(page, "the RSVP's own page");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel my RSVP"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("cancelled");
            org.assertj.core.api.Assertions.assertThat(
                            TestMail.await(waiting, 3).get(2).getSubject())
                    .startsWith("A place for you");
        }

        try (var arabic = browser.newContext(base(), "ar")) {
            var page = arabic.newPage();
            page.setViewportSize(375, 800);
            page.navigate("/actions/" + action.id() + "?lang=ar");
            assertThat(page.locator("html")).hasAttribute("dir", "rtl");
            assertThat(page.locator("#rsvp")).isVisible();
            Browser.assertAxeClean(page, "the RSVP form in Arabic, at a phone's width");
        }
    }
}

package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.Duration;
import org.chorus.campaigns.CampaignFixtures;
import org.chorus.letters.LetterFixtures;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A supporter finds the campaign's letter, picks their country without JavaScript's help, makes the letter theirs and
 * sends it through Chorus by confirming their address from the letter in /dev/mail; then opens it in their own mail and
 * says they sent it. The pages pass axe, and the letter's page in Arabic at a phone's width too.
 */
@ChorusWebTest
class LetterJourneyBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures fixtures;

    @Autowired
    CampaignFixtures campaigns;

    @Autowired
    LetterFixtures letters;

    @Autowired
    org.chorus.support.TestClock testClock;

    @Autowired
    org.chorus.email.DevMailInTests devMail;

    @Test
    void a_supporter_sends_the_letter_through_chorus_and_from_their_own_mail() throws Exception {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var title = Fixtures.unique("Debt justice");
        var slug = campaigns.published(Actor.of(owner), coalition, title).slug();
        letters.letter(Actor.of(owner), slug);
        var email = Fixtures.uniqueEmail("supporter");

        try (var mail = devMail.switchOn();
                var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            page.navigate("/c/" + slug);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write the letter"))
                    .click();
            Browser.assertAxeClean(page, "the letter's page");
            page.getByLabel("Your country").selectOption(new SelectOption().setLabel("Kenya"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the letter"))
                    .click();
            assertThat(page.locator("h1")).hasText("Write to the officials of Kenya");
            page.getByLabel("Opening (you may change it)").fill("Honourable Cabinet Secretary,");
            page.getByLabel("Your name").fill("Ama Owusu");
            page.getByLabel("Your email address").fill(email);
            Browser.assertAxeClean(page, "a country's letter");
            testClock.advance(Duration.ofSeconds(4)); // a person takes a few seconds to write
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send through Chorus"))
                    .click();
            assertThat(page.locator("h1")).hasText("Check your email");

            Browser.openLetter(page, email, "Confirm your letter: " + title, 1);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("HTML version"))
                    .click();
            var confirm = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Send my letter"))
                    .getAttribute("href");
            page.navigate(Browser.onThisServer(confirm));
            Browser.assertAxeClean(page, "the confirmation page");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my letter"))
                    .click();
            assertThat(page.locator("h1")).hasText("Your letter is on its way");
            assertThat(page.locator("main")).containsText("Name of Minister of Finance");
            Browser.assertAxeClean(page, "the letter sent, with the official reached by a contact form");

            page.navigate("/c/" + slug + "/letter/ke");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open in my mail"))
                    .click();
            assertThat(page.locator("h1")).hasText("Send the letter from your own mail");
            assertThat(page.locator("a#mailto"))
                    .hasAttribute("href", java.util.regex.Pattern.compile("^mailto:minister-"));
            Browser.assertAxeClean(page, "the letter to send from one's own mail");
            testClock.advance(Duration.ofSeconds(4));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I sent it"))
                    .click();
            assertThat(page.locator("h1")).hasText("Thank you");
        }

        try (var arabic = browser.newContext(base(), "ar")) {
            var page = arabic.newPage();
            page.setViewportSize(375, 800);
            page.navigate("/c/" + slug + "/letter/ke?lang=ar");
            assertThat(page.locator("html")).hasAttribute("dir", "rtl");
            Browser.assertAxeClean(page, "a country's letter in Arabic, at a phone's width");
        }
    }
}

package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import org.chorus.organizations.Role;
import org.chorus.signons.SignOnFixtures;
import org.chorus.signons.SignOnOpening;
import org.chorus.signons.WhoMaySign;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A visitor signs a statement from its cached page, confirms from the letter, and withdraws; in Arabic it reads right to left. */
@ChorusWebTest
class SignOnJourneyBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    SignOnFixtures signOns;

    @Autowired
    TestClock clock;

    @Test
    void a_visitor_signs_confirms_from_the_letter_and_withdraws() {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var statement = signOns.opened(
                org.chorus.organizations.Actor.of(owner),
                coalition,
                new SignOnOpening.Choices(
                        WhoMaySign.BOTH, null, true, true, false, "Thank you for standing with us.", 365));
        var email = Fixtures.uniqueEmail("journey");

        try (var arabic = browser.newContext(base(), "ar")) {
            var page = arabic.newPage();
            page.navigate("/s/" + statement.slug() + "?lang=ar");
            assertThat(page.locator("html")).hasAttribute("dir", "rtl");
            page.locator("#sign summary").first().click();
            Browser.assertAxeClean(page, "the statement page with the sign-on form, in Arabic");
        }

        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            // read twice: the second time the page, form and stamp come from the public page cache
            page.navigate("/s/" + statement.slug());
            page.navigate("/s/" + statement.slug());
            page.getByText("Sign as a person").click();
            var form = page.locator("details.signon-kind").first();
            form.getByLabel("Your name").fill("Ana Lima");
            form.getByLabel("Country").selectOption("BR");
            form.getByLabel("Your email address").fill(email);
            form.getByLabel("List my name").check();
            form.getByLabel("Keep me informed by " + coalition.name()).check();
            Browser.assertAxeClean(page, "the statement page with the sign-on form");
            // a person takes a few seconds to fill the form; the server refuses forms sent faster
            clock.advance(Duration.ofSeconds(5));
            form.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Sign"))
                    .click();
            assertThat(page.locator("h1")).hasText("Check your email");
            assertThat(page.locator(".notice")).containsText("Nothing is published until you press the button");

            page.navigate(SignOnFixtures.link(email, 0, "/signons/confirm/"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my signature"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("confirmed and counted");
            assertThat(page.locator(".signon-thanks")).containsText("Thank you for standing with us.");

            page.navigate(SignOnFixtures.link(email, 0, "/signons/withdraw/"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw my signature"))
                    .click();
            assertThat(page.locator("h1")).hasText("Your signature is withdrawn");
            Browser.assertAxeClean(page, "the withdrawal page");
        }
    }
}

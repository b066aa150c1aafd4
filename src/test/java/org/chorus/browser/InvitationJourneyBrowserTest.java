package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.chorus.accounts.SigningUp;
import org.chorus.organizations.Role;
import org.chorus.shared.i18n.Language;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An invitation opened while signed out, in a real browser: the owner invites an address, the invitee opens the emailed
 * link, sees what it is for, signs up from it, confirms the address and lands in the organization, signed in.
 */
@ChorusWebTest
class InvitationJourneyBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures fixtures;

    @Autowired
    SigningUp signingUp;

    @Test
    void a_person_invited_by_email_signs_up_from_the_link_and_lands_in_the_organization() {
        var coalition = fixtures.coalition();
        var invitee = Fixtures.uniqueEmail("invitee");

        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            var owner = fixtures.user(signingUp.createActive(
                    Fixtures.uniqueEmail("omar"), "Omar Owner", Fixtures.PASSWORD, Language.ENGLISH, false));
            fixtures.grant(coalition, owner, Role.OWNER);
            Browser.signIn(page, owner.email());
            page.navigate("/o/" + coalition.slug() + "/manage");
            page.getByLabel("Email address").fill(invitee);
            page.locator("#invite-role").selectOption("EDITOR");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create invitation"))
                    .click();
            var pending = page.locator("#invitations tbody tr");
            assertThat(pending).hasCount(1);
            assertThat(pending).containsText(invitee);
            assertThat(pending).containsText("Omar Owner");
            assertNoSeriousAxeViolations(page, "/o/{slug}/manage with a pending invitation");
        }

        var letter = TestMail.awaitOne(invitee);
        var link = ReceivedMail.linkPath(letter, "/invitations/");
        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            page.navigate(link);
            assertThat(page.locator("main")).containsText(coalition.name());
            assertThat(page.locator("main")).containsText("Editor");
            assertThat(page.locator("main")).containsText("Omar Owner sent this invitation.");
            assertNoSeriousAxeViolations(page, "/invitations/{token} signed out");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an account"))
                    .click();
            page.getByLabel("Name").fill("Ines Invited");
            page.getByLabel("Email address").fill(invitee);
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                    .fill(Fixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING)).hasText("Thank you for signing up");

            var confirmation = TestMail.await(invitee, 2).stream()
                    .filter(m -> ReceivedMail.text(m).contains("/signup/confirm/"))
                    .findFirst()
                    .orElseThrow();
            page.navigate(ReceivedMail.linkPath(confirmation, "/signup/confirm/"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activate my account"))
                    .click();

            // in the organization at once, signed in by the confirmation: no invitation page, no second press
            assertThat(page).hasURL(base() + "/o/" + coalition.slug());
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")))
                    .isVisible();
            assertThat(page.locator(".notice").first()).containsText("You are now part of the organization");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(AccountJourneyBrowserTest.SCREENSHOTS.resolve("invitation-joined-en.png"))
                    .setFullPage(true));
        }
    }

    private static void assertNoSeriousAxeViolations(Page page, String what) {
        var serious = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa")).analyze().getViolations().stream()
                        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                        .map(v -> v.getId() + ": " + v.getHelp())
                        .toList();
        assertThat(serious).as("axe violations on %s", what).isEmpty();
    }
}

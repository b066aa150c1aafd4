package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.chorus.organizations.OrganizationKind;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An owner runs their organization in a real browser: roles change in place (htmx), invitations, approvals. */
@ChorusWebTest
class OrganizationJourneyBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures fixtures;

    @Test
    void an_owner_changes_a_role_in_place_invites_someone_and_approves_a_new_chapter() {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var member = fixtures.person("member");
        fixtures.grant(coalition, member, Role.MEMBER);
        var asker = fixtures.person("asker");
        var chapterName = Fixtures.unique("Andes Chapter");

        try (var context = browser.newContext("http://localhost:" + port, "en")) {
            var page = context.newPage();
            Browser.signIn(page, asker.email());
            page.navigate("/o/" + coalition.slug());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add an organization below this one"))
                    .click();
            page.getByLabel("Regional chapter").check();
            page.getByLabel("Name").fill(chapterName);
            page.getByLabel("Country").selectOption("PE");
            page.getByLabel("Languages").fill("es, qu");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add organization"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("waits for approval");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                    .click();

            Browser.signIn(page, owner.email());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your organizations"))
                    .click();
            page.locator(".card", new Page.LocatorOptions().setHasText(coalition.name()))
                    .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Manage"))
                    .click();

            page.evaluate("window.__samePage = true");
            var row = page.locator("#member-" + member.id());
            row.getByRole(AriaRole.COMBOBOX).selectOption("MODERATOR");
            row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Change"))
                    .click();
            assertThat(page.locator("#member-" + member.id() + " .saved")).hasText("Role changed.");
            assertThat(page.evaluate("window.__samePage === true"))
                    .as("htmx swapped the row, no reload")
                    .isEqualTo(true);

            page.getByLabel("Email address").fill(Fixtures.uniqueEmail("newcomer"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create invitation"))
                    .click();
            assertThat(page.getByLabel("Invitation link"))
                    .hasValue(java.util.regex.Pattern.compile(".*/invitations/.+"));

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve " + chapterName))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("approved");
            page.navigate("/o/" + coalition.slug());
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(chapterName)))
                    .isVisible();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(AccountJourneyBrowserTest.SCREENSHOTS.resolve("organization-en.png"))
                    .setFullPage(true));
        }
    }

    @Test
    void every_page_works_without_javascript() {
        var coalition = fixtures.coalition();
        fixtures.below(coalition, OrganizationKind.COMMISSION);
        var owner = fixtures.person("nojs");
        fixtures.grant(coalition, owner, Role.OWNER);
        var member = fixtures.person("member");
        fixtures.grant(coalition, member, Role.MEMBER);
        try (var context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setJavaScriptEnabled(false))) {
            var page = context.newPage();
            Browser.signIn(page, owner.email());
            page.navigate("/o/" + coalition.slug() + "/manage");
            var row = page.locator("#member-" + member.id());
            row.getByRole(AriaRole.COMBOBOX).selectOption("EDITOR");
            row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Change"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("Role changed.");
            assertThat(page.locator("#member-" + member.id() + " select")).hasValue("EDITOR");
        }
    }
}

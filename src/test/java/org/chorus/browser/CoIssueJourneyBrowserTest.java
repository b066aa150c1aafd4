package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import org.chorus.organizations.Role;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An editor asks another organization to co-issue a statement; an owner there reads it and accepts. */
@ChorusWebTest
class CoIssueJourneyBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Test
    void an_editor_asks_another_organization_whose_owner_reads_the_statement_and_accepts_and_it_passes_axe() {
        var a = fixtures.coalition();
        var b = fixtures.coalition();
        var editor = fixtures.person("editor");
        fixtures.grant(a, editor, Role.EDITOR);
        var owner = fixtures.person("owner");
        fixtures.grant(b, owner, Role.OWNER);
        var title = Fixtures.unique("Pay the debt");
        var statement =
                statements.published(statements.ownerOf(a), a, "en", title, "Fund the future!\n\nWe ask *together*.");

        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            Browser.signIn(page, editor.email());
            page.navigate("/s/" + statement.slug());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Co-issuers"))
                    .click();
            page.getByLabel("Organization", new Page.GetByLabelOptions().setExact(true))
                    .selectOption(new SelectOption().setLabel(b.name()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the request"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("The request was sent");
            assertThat(page.locator("#requests")).containsText(b.name());
            assertThat(page.locator("#requests")).containsText("Waiting for an answer");
            checkAxe(page, page.url());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                    .click();

            Browser.signIn(page, owner.email());
            page.navigate("/o/" + b.slug() + "/manage");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Co-issue requests (1 waiting)"))
                    .click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title))
                    .click();
            assertThat(page.locator(".statement-body em")).hasText("together");
            checkAxe(page, page.url());
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(AccountJourneyBrowserTest.SCREENSHOTS.resolve("co-issue-request-en.png"))
                    .setFullPage(true));
            page.getByLabel("Message (optional)").fill("Proud to sign this with you.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept and co-issue"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("your organization now co-issues");

            page.navigate("/s/" + statement.slug());
            assertThat(page.locator(".statement-header .eyebrow")).containsText(b.name());
            assertThat(page.locator(".signatures .issuers")).containsText(b.name());
        }
        // what another reader sees, signed out
        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            page.navigate("/s/" + statement.slug());
            assertThat(page.locator(".statement-header .eyebrow")).containsText(b.name());
        }
    }

    /** The page passes axe in English and in Arabic (right to left); the browser is left in English on it. */
    private static void checkAxe(Page page, String url) {
        for (var path : List.of(url, url + "?lang=ar")) {
            page.navigate(path);
            if (path.endsWith("ar")) {
                assertThat(page.locator("html")).hasAttribute("dir", "rtl");
            }
            var serious = new AxeBuilder(page)
                    .withTags(List.of("wcag2a", "wcag2aa")).analyze().getViolations().stream()
                            .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                            .map(v -> v.getId() + ": " + v.getHelp())
                            .toList();
            assertThat(serious).as("axe violations on %s", path).isEmpty();
        }
        page.navigate(url + "?lang=en");
    }
}

package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An editor writes a statement with the live preview, submits it; the owner publishes it; a reader finds it. */
@ChorusWebTest
class StatementJourneyBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures fixtures;

    @Test
    void an_editor_writes_with_a_live_preview_the_owner_publishes_and_a_reader_finds_it() {
        var coalition = fixtures.coalition();
        var editor = fixtures.person("editor");
        fixtures.grant(coalition, editor, Role.EDITOR);
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var title = Fixtures.unique("Rivers belong to everyone");

        try (var context = browser.newContext("http://localhost:" + port, "en")) {
            var page = context.newPage();
            Browser.signIn(page, editor.email());
            page.navigate("/o/" + coalition.slug());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Statements: write and review"))
                    .click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write a statement"))
                    .click();
            page.getByLabel("Language of the text").selectOption("en");
            page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true))
                    .fill(title);
            page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true))
                    .fill("We **defend** rivers.\n\n<script>alert(1)</script>");
            // htmx renders the preview while typing, sanitized, without a page load
            assertThat(page.locator("#preview strong")).hasText("defend");
            assertThat(page.locator("#preview script")).hasCount(0);
            page.getByLabel("Signatories").fill("Amina Njeri | Chairperson | Africa Chapter");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the draft"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("draft has been saved");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("submitted for review");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                    .click();

            Browser.signIn(page, owner.email());
            page.navigate("/o/" + coalition.slug() + "/statements/manage");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title))
                    .click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve and publish"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("published");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                    .click();

            page.navigate("/search");
            page.getByLabel("Words to look for").fill("rivers defend");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
                    .click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title)))
                    .isVisible();
            assertThat(page.locator(".signatory-name")).hasText("Amina Njeri");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(AccountJourneyBrowserTest.SCREENSHOTS.resolve("statement-en.png"))
                    .setFullPage(true));
        }
    }
}

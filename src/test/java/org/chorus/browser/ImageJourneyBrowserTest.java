package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.chorus.images.TestImages;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A writer pastes a picture from another website into a statement and is told it was removed; uploads a picture from
 * the editor instead, pastes the line Chorus gives, and readers see that picture on the published page.
 */
@ChorusWebTest
class ImageJourneyBrowserTest extends BrowserJourney {

    @org.springframework.beans.factory.annotation.Autowired
    Fixtures fixtures;

    @Test
    void a_writer_uploads_a_picture_in_the_statement_editor_and_readers_see_it_on_the_published_page() {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var title = Fixtures.unique("Pictures of the march");

        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            Browser.signIn(page, owner.email());
            page.navigate("/o/" + coalition.slug() + "/statements/new");
            page.getByLabel("Language of the text").selectOption("en");
            page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true))
                    .fill(title);
            var text = page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true));
            text.fill("We marched.\n\n![a pixel](https://tracker.example/pixel.png)");
            assertThat(page.locator("#preview .removed-images"))
                    .containsText("One image from another website was removed");
            assertThat(page.locator("#preview img")).hasCount(0);
            Browser.assertAxeClean(page, "the statement editor");

            page.getByLabel("Picture (PNG, JPEG or GIF)")
                    .setInputFiles(new FilePayload("banner.png", "image/png", TestImages.png(120, 60)));
            page.getByLabel("Description for people who cannot see it").fill("Our banner at the station");
            // the upload opens in a new tab, so the text being written stays as it is
            var uploaded = context.waitForPage(() -> page.getByRole(
                            AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload picture (opens in a new tab)"))
                    .click());
            assertThat(uploaded.locator(".uploaded-image img")).isVisible();
            var snippet = uploaded.locator("#snippet").inputValue();
            org.assertj.core.api.Assertions.assertThat(snippet)
                    .matches("!\\[Our banner at the station]\\(/images/[0-9a-f-]{36}\\.png\\)");
            Browser.assertAxeClean(uploaded, "the images page");
            uploaded.close();

            text.fill("We marched.\n\n" + snippet);
            assertThat(page.locator("#preview img")).hasAttribute("alt", "Our banner at the station");
            assertThat(page.locator("#preview .removed-images")).hasCount(0);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the draft"))
                    .click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review"))
                    .click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve and publish"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("published");
            var address = page.url();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                    .click();

            page.navigate(address);
            var picture = page.locator(".statement-body img");
            assertThat(picture).hasAttribute("alt", "Our banner at the station");
            // the browser fetched and decoded it from Chorus
            page.waitForCondition(
                    () -> ((Number) picture.evaluate("img => img.complete ? img.naturalWidth : 0")).intValue() == 120);
            Browser.assertAxeClean(page, "the published statement");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(AccountJourneyBrowserTest.SCREENSHOTS.resolve("statement-with-image-en.png"))
                    .setFullPage(true));
        }
    }
}

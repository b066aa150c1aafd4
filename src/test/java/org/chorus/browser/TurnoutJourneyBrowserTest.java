package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.chorus.images.TestImages;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.turnout.PhotoStore;
import org.chorus.turnout.TurnoutFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The host of yesterday's protest files its turnout report with a photo from a phone that tells where it was taken:
 * readers see the count, the text and the photo, whose stored file has no EXIF or GPS left; the form and the pages
 * pass axe, the action page in Arabic at a phone's width too.
 */
@ChorusWebTest
class TurnoutJourneyBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures fixtures;

    @Autowired
    TurnoutFixtures turnout;

    @Autowired
    PhotoStore store;

    @Test
    void a_host_files_a_turnout_report_with_a_photo_whose_gps_tags_are_gone_afterwards() {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var host = fixtures.person("host");
        var campaign = turnout.campaign(Actor.of(owner), coalition);
        var title = Fixtures.unique("Rally at the town hall");
        var action = turnout.ended(Actor.of(host), Actor.of(owner), campaign, title, TurnoutFixtures.PARIS);

        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            Browser.signIn(page, host.email());
            page.navigate("/actions/" + action.id());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("File the turnout report"))
                    .click();
            page.getByLabel("Number of participants").fill("240");
            page.getByLabel("What happened").fill("The square was **full**.");
            page.getByLabel("Photo 1", new Page.GetByLabelOptions().setExact(true))
                    .setInputFiles(new FilePayload("IMG_2041.jpg", "image/jpeg", TestImages.jpegWithGps()));
            page.getByLabel("Description of photo 1 (for people who cannot see it)")
                    .fill("Banners in front of the town hall");
            Browser.assertAxeClean(page, "the turnout report form");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the report"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("turnout report is saved");
            assertThat(page.locator(".turnout-count")).hasText("240 participants");
            var photo = page.locator(".turnout-photos img");
            assertThat(photo).hasAttribute("alt", "Banners in front of the town hall");
            Browser.assertAxeClean(page, "the action page with its report, as its host");
            var src = photo.getAttribute("src");

            var stored = store.read("turnout/" + src.substring(src.lastIndexOf('/') + 1))
                    .orElseThrow();
            org.assertj.core.api.Assertions.assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                    .startsWith("\u00ff\u00d8")
                    .doesNotContain("Exif", "GPS", TestImages.PLACE);
            var served = page.request().get(src);
            org.assertj.core.api.Assertions.assertThat(served.body()).isEqualTo(stored);
        }

        try (var arabic = browser.newContext(base(), "ar")) {
            var page = arabic.newPage();
            page.setViewportSize(375, 800);
            page.navigate("/actions/" + action.id() + "?lang=ar");
            assertThat(page.locator("html")).hasAttribute("dir", "rtl");
            assertThat(page.locator(".turnout-photos img")).isVisible();
            Browser.assertAxeClean(page, "an action page with its report in Arabic, at a phone's width");
            page.navigate("/c/" + campaign + "?lang=ar");
            assertThat(page.locator(".campaign-turnout table")).hasCount(2);
            Browser.assertAxeClean(page, "a campaign page with its reported turnout in Arabic, at a phone's width");
        }
    }
}

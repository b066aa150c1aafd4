package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.chorus.organizations.Role;
import org.chorus.signons.SignOnOpening;
import org.chorus.signons.SignOnRows;
import org.chorus.signons.SignOnStatus;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An editor finds two sign-ons of one organization flagged as possible duplicates, compares them, keeps the listed one,
 * looks at the bursts of unconfirmed sign-ons, and exports every sign-on as CSV: the duplicate is gone from the file and
 * from the public list. Every page passes axe.
 */
@ChorusWebTest
class SignOnMergeJourneyBrowserTest extends BrowserJourney {

    @Autowired
    SignOnRows rows;

    @Autowired
    Fixtures fixtures;

    @Test
    void an_editor_merges_two_duplicate_organizations_and_exports_every_sign_on_as_csv() throws Exception {
        var coalition = fixtures.coalition();
        var editor = fixtures.person("editor");
        fixtures.grant(coalition, editor, Role.EDITOR);
        var statement = rows.opened(coalition, Fixtures.unique("Forests stand"), SignOnOpening.Choices.defaults());
        rows.counted(() -> {
            rows.organization(statement.id(), "Forest Guardians", "BR", null, "We guard forests.");
            rows.organization(statement.id(), "Forest guardians!", "BR", SignOnStatus.CONFIRMED);
            rows.organization(statement.id(), "River Keepers", "BR", null, null);
        });

        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            Browser.signIn(page, editor.email());
            page.navigate("/s/" + statement.slug() + "/sign-on/signers");
            var duplicate = page.locator("table.signers tr", new Page.LocatorOptions().setHasText("Forest guardians!"));
            assertThat(duplicate).containsText("Possible duplicate");
            Browser.assertAxeClean(page, "every sign-on, with a possible duplicate");

            duplicate
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Merge…"))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Merge two sign-ons")))
                    .isVisible();
            assertThat(page.locator(".merge-choice .signon-name"))
                    .hasText(new String[] {"Forest Guardians", "Forest guardians!"});
            Browser.assertAxeClean(page, "two sign-ons side by side");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep 1, delete 2"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("The duplicate is deleted");
            assertThat(page.locator("table.signers tbody tr")).hasCount(2);
            assertThat(page.locator("table.signers")).not().containsText("Forest guardians!");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bursts of unconfirmed sign-ons"))
                    .click();
            assertThat(page.getByText("No group of two or more unconfirmed sign-ons in this period."))
                    .hasCount(2);
            Browser.assertAxeClean(page, "bursts of unconfirmed sign-ons");
            page.goBack();

            var download = page.waitForDownload(() -> page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("CSV").setExact(true))
                    .click());
            var csv = Files.readString(download.path(), StandardCharsets.UTF_8);
            var lines = csv.split("\r\n");
            org.assertj.core.api.Assertions.assertThat(lines).hasSize(3);
            org.assertj.core.api.Assertions.assertThat(csv)
                    .contains("Forest Guardians", "River Keepers", "@example.org")
                    .doesNotContain("Forest guardians!");

            page.navigate("/s/" + statement.slug() + "/signons");
            assertThat(page.locator(".signon-name")).hasText(new String[] {"Forest Guardians", "River Keepers"});
        }
    }
}

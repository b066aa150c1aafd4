package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.chorus.support.ChorusWebTest;
import org.junit.jupiter.api.Test;

/**
 * A developer opens the API reference from the footer: every operation with its parameters, body fields, answers and
 * the scope its token needs, grouped by resource (OSDI's last), on a page of this site that loads nothing from
 * elsewhere; in Arabic its frame reads right to left while the English descriptions stay left to right. Axe passes.
 */
@ChorusWebTest
class ApiReferenceBrowserTest extends BrowserJourney {

    @Test
    void a_developer_finds_an_operation_its_fields_and_the_scope_its_token_needs() {
        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            page.navigate("/");
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("API").setExact(true))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("API reference")))
                    .isVisible();

            var register = page.locator(
                    "section.api-operation",
                    new Page.LocatorOptions().setHas(page.getByText("POST /api/v1/campaigns/{slug}/actions")));
            assertThat(register).containsText("Register an action under a campaign");
            assertThat(register).containsText("write:actions");
            assertThat(register.locator("table").last()).containsText("startsAt");
            assertThat(page.locator("h2[id^=osdi]").first()).hasText("OSDI attendances");
            Browser.assertAxeClean(page, "the API reference");
        }
        try (var context = browser.newContext(base(), "ar")) {
            var page = context.newPage();
            page.navigate("/developers/api?lang=ar");
            assertThat(page.locator("html")).hasAttribute("dir", "rtl");
            assertThat(page.locator("h1")).hasText("مرجع واجهة البرمجة");
            assertThat(page.locator("section.api-operation h3").first()).hasAttribute("dir", "ltr");
            Browser.assertAxeClean(page, "the API reference in Arabic");
        }
    }
}

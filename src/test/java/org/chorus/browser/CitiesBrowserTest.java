package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.chorus.support.ChorusWebTest;
import org.junit.jupiter.api.Test;

/**
 * A host looks for their city: typing shows the cities it may be as they type (htmx), they pick one and see the time
 * zone Chorus guessed; in Arabic the page reads right to left. Every page passes axe.
 */
@ChorusWebTest
class CitiesBrowserTest extends BrowserJourney {

    @Test
    void a_host_types_part_of_a_city_picks_it_from_the_suggestions_and_sees_its_time_zone() {
        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            page.navigate("/places/cities");
            Browser.assertAxeClean(page, "the empty city search");

            page.getByLabel("Country").selectOption("PH");
            page.getByLabel("City")
                    .pressSequentially(
                            "manil", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(30));
            var manila = page.getByLabel("Manila, Philippines");
            // the gazetteer may still be loading on a busy machine right after start-up
            assertThat(manila)
                    .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                            .setTimeout(20_000));
            assertThat(page.locator("#city-choices label.choice").first()).containsText("Asia/Manila");
            Browser.assertAxeClean(page, "the suggestions");

            manila.check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use this city"))
                    .click();
            assertThat(page.locator(".chosen-city h2")).hasText("Manila, Philippines");
            assertThat(page.locator(".chosen-city dd").first()).hasText("Asia/Manila");
            Browser.assertAxeClean(page, "the chosen city");
        }
    }

    @Test
    void in_arabic_the_search_reads_right_to_left_and_country_names_are_arabic() {
        try (var context = browser.newContext(base(), "ar")) {
            var page = context.newPage();
            page.navigate("/places/cities?q=Beirut&lang=ar");

            assertThat(page.locator("html")).hasAttribute("dir", "rtl");
            assertThat(page.locator("#city-choices label.choice").first()).containsText("لبنان");
            Browser.assertAxeClean(page, "the suggestions in Arabic");
        }
    }
}

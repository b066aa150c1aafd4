package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.chorus.signons.SignOnRows;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reader of a statement open for sign-on sees its totals grow without reloading, finds who signed by country and by
 * name, and the list reads right to left in Arabic; an editor approves an organization waiting for approval and it
 * joins the list. Every page passes axe.
 */
@ChorusWebTest
class SignOnListJourneyBrowserTest extends BrowserJourney {

    @Autowired
    SignOnRows rows;

    @Autowired
    org.chorus.support.Fixtures fixtures;

    @Test
    void an_editor_approves_an_organization_waiting_for_approval_and_it_joins_the_public_list() {
        var coalition = fixtures.coalition();
        var editor = fixtures.person("editor");
        fixtures.grant(coalition, editor, org.chorus.organizations.Role.EDITOR);
        var statement = rows.opened(
                coalition, Fixtures.unique("Seas are commons"), org.chorus.signons.SignOnOpening.Choices.defaults());
        rows.counted(() -> {
            rows.organization(statement.id(), "Ocean Union", "SN", org.chorus.signons.SignOnStatus.CONFIRMED);
            rows.organization(statement.id(), "Fishers Network", "SN", null, null);
        });

        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            Browser.signIn(page, editor.email());
            page.navigate("/s/" + statement.slug());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign-on settings"))
                    .click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Every sign-on"))
                    .click();
            var waiting = page.locator("table.signers tr", new Page.LocatorOptions().setHasText("Ocean Union"));
            assertThat(waiting).containsText("Waiting for approval");
            Browser.assertAxeClean(page, "every sign-on, for organizers");
            waiting.getByRole(
                            AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Approve"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("The sign-on is approved");
            assertThat(waiting).containsText("Listed");

            page.navigate("/s/" + statement.slug() + "/signons");
            assertThat(page.locator(".signon-name")).hasText(new String[] {"Fishers Network", "Ocean Union"});
        }
    }

    @Test
    void a_reader_watches_the_count_grow_and_reads_the_list_by_country_and_name_in_english_and_arabic() {
        var title = Fixtures.unique("Water is a right");
        var statement = rows.opened(title);
        rows.counted(() -> {
            rows.organization(statement.id(), "Friends of Rivers", "KE", "https://rivers.example", "We defend rivers.");
            rows.organization(statement.id(), "Amis des rivières", "FR", null, null);
            rows.person(statement.id(), "Ana Lima", "Rivers Union", "Organizer", "BR", true);
        });

        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            page.navigate("/s/" + statement.slug());
            var counter = page.locator(".signon-totals .signon-count");
            assertThat(counter).hasText("Signed by 2 organizations in 2 countries and 1 person.");
            Browser.assertAxeClean(page, "the statement page with its totals");

            // the count job finds one more; the page asks for the counter again by itself (htmx, every 10 s)
            rows.counted(() -> rows.organization(statement.id(), "Agua Viva", "BR", null, null));
            assertThat(counter)
                    .hasText(
                            "Signed by 3 organizations in 3 countries and 1 person.",
                            new LocatorAssertions.HasTextOptions().setTimeout(25_000));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See who signed"))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Who signed")))
                    .isVisible();
            assertThat(page.locator(".signon-country h3")).hasText(new String[] {"Brazil", "France", "Kenya"});
            assertThat(page.locator(".signon-name"))
                    .hasText(new String[] {"Agua Viva", "Amis des rivières", "Friends of Rivers"});
            Browser.assertAxeClean(page, "the organizations who signed");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("People"))
                    .click();
            assertThat(page.locator(".signon-people li")).hasText("Ana Lima, Organizer, Rivers Union (Brazil)");
            Browser.assertAxeClean(page, "the people who signed");
        }

        try (var arabic = browser.newContext(base(), "ar")) {
            var page = arabic.newPage();
            page.navigate("/s/" + statement.slug() + "/signons");
            assertThat(page.locator("html")).hasAttribute("dir", "rtl");
            assertThat(page.locator(".signon-country h3").first()).hasText("البرازيل");
            Browser.assertAxeClean(page, "the list in Arabic");
        }
    }
}

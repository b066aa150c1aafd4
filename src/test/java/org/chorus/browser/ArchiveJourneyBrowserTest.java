package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A coalition carries its archive over: a statement pasted by hand keeps its slogans and signature block line by
 * line, and a page of its old WordPress site comes over with its comments, as Markdown its writers can edit.
 */
@ChorusWebTest
class ArchiveJourneyBrowserTest extends BrowserJourney {

    static final Path PAGE_WITH_COMMENTS = Path.of("src/test/resources/fixtures/wxr/page-with-comments.xml");

    @Autowired
    Fixtures fixtures;

    @Test
    void
            an_organizer_carries_a_statement_of_2023_with_slogans_and_a_signature_block_and_it_keeps_its_lines_and_its_date() {
        var coalition = fixtures.coalition();
        var organizer = fixtures.person("organizer");
        fixtures.grant(coalition, organizer, Role.OWNER);
        var title = Fixtures.unique("Cancel the debt");
        var text = """
                We, the undersigned, call for debt cancellation.

                Fund the future!
                Pay the debt!

                Amina Diallo
                Chairperson
                """;

        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            Browser.signIn(page, organizer.email());
            page.navigate("/o/" + coalition.slug() + "/statements/new");
            page.getByLabel("Language of the text").selectOption("en");
            page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true))
                    .fill(title);
            // carried over from the archive: issued in 2023, online here today
            page.getByLabel("Date of issue").fill("2023-10-20");
            // pasted as plain lines, the way slogans and signature blocks arrive from a word processor
            page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill(text);
            assertThat(page.locator("#body-hint")).containsText("Each line break is kept");
            assertThat(page.locator("#preview br")).hasCount(2);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the draft"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("draft has been saved");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve and publish"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("published");

            var body = page.locator(".statement-body");
            assertThat(body.locator("p").nth(1).innerText()).isEqualTo("Fund the future!\nPay the debt!");
            assertThat(body.locator("p").nth(2).innerText()).isEqualTo("Amina Diallo\nChairperson");
            assertThat(page.locator("time.issued-on")).hasAttribute("datetime", "2023-10-20");
            assertThat(page.locator(".online-since")).isVisible();
            Browser.assertAxeClean(page, "the published statement");

            // the date of issue, not today, places it in lists
            page.navigate("/statements?from=2023-10-01&to=2023-10-31");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)))
                    .isVisible();
            page.navigate("/statements?from=" + java.time.LocalDate.now().minusDays(7));
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)))
                    .hasCount(0);

            // an older page, reached by cursor, links back to the newest without JavaScript
            var cursor = new org.chorus.statements.StatementCursor(
                            java.time.LocalDate.of(2023, 10, 21), java.time.Instant.EPOCH, new java.util.UUID(0, 0))
                    .token();
            page.navigate("/statements?after=" + cursor);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)))
                    .isVisible();
            assertThat(page.locator("nav.pagination a[rel=prev]")).hasText("Newer");
            Browser.assertAxeClean(page, "an older page of the list");
            try (var arabic = browser.newContext(base(), "ar")) {
                var rtl = arabic.newPage();
                rtl.navigate("/statements?after=" + cursor);
                assertThat(rtl.locator("html")).hasAttribute("dir", "rtl");
                assertThat(rtl.locator("nav.pagination a[rel=prev]")).hasText("الأحدث");
                Browser.assertAxeClean(rtl, "an older page of the list in Arabic");
            }
        }
    }

    @Test
    void a_wordpress_page_with_comments_becomes_a_statement_whose_comments_show_and_whose_text_is_markdown() {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);

        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            Browser.signIn(page, owner.email());
            page.navigate("/o/" + coalition.slug() + "/import");
            page.getByLabel("WordPress export file (.xml)").setInputFiles(PAGE_WITH_COMMENTS);
            page.getByLabel("Language of the text").fill("en");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import"))
                    .click();
            // the progress page reloads itself until the import is done
            assertThat(page.getByRole(
                            AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import of Debt Justice League")))
                    .isVisible();
            assertThat(page.locator("[role=status] ul")).containsText("One published statement");
            assertThat(page.locator("[role=status] ul")).containsText("2 comments");
            Browser.assertAxeClean(page, "the import report");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the organization’s statements"))
                    .click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Our founding call"))
                    .click();
            var statement = page.url();
            var body = page.locator(".statement-body");
            assertThat(body.locator("h2")).hasText("Cancel the debt");
            assertThat(body.locator("strong")).hasText("debt cancellation");
            assertThat(body.locator("p").nth(1).innerText()).isEqualTo("Fund the future!\nPay the debt!");
            Browser.assertAxeClean(page, "the imported page");

            page.navigate(statement + "/comments");
            var comments = page.locator(".comment-body");
            assertThat(comments).hasCount(2);
            assertThat(comments.first().innerText().strip())
                    .isEqualTo("Count our union in!\nWe will be at the march on Friday.");
            assertThat(comments.nth(1)).hasText("Thank you, Lou.");

            page.navigate(statement + "/edit");
            var markdown = page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true))
                    .inputValue();
            assertThat(markdown)
                    .doesNotContain("<!--", "wp:", "<p", "class=")
                    .startsWith("## Cancel the debt\n\nWe, the undersigned, call for **debt cancellation** and "
                            + "[a fund for the future](https://debt-league.example/fund).")
                    .endsWith("Fund the future!\nPay the debt!\n\nAmina Diallo\nChairperson\n20 October 2023");
        }
    }
}

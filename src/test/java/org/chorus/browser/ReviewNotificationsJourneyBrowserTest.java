package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.chorus.email.DevMailInTests;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A writer submits a statement; the reviewer hears of it by email and in their tasks and sends it back with a comment;
 * the writer reads the comment in the email and on the edit page, resubmits; the reviewer publishes and the writer
 * hears of it. Every email is read where a developer reads it: /dev/mail, switched on for this test in the shared
 * context (the mail still goes to GreenMail as well), found by recipient and subject, opened, and its link followed.
 */
@ChorusWebTest
class ReviewNotificationsJourneyBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures fixtures;

    @Autowired
    DevMailInTests devMail;

    @Test
    void a_review_sent_back_and_resubmitted_reaches_the_reviewer_and_the_writer_by_email_and_in_their_tasks()
            throws Exception {
        var coalition = fixtures.coalition();
        var writer = fixtures.person("writer");
        fixtures.grant(coalition, writer, Role.EDITOR);
        var reviewer = fixtures.person("reviewer");
        fixtures.grant(coalition, reviewer, Role.OWNER);
        var title = Fixtures.unique("Fund the future");

        try (var mail = devMail.switchOn();
                var writing = browser.newContext(base(), "en");
                var reviewing = browser.newContext(base(), "en");
                var reading = browser.newContext(base(), "en")) {
            var w = writing.newPage();
            var m = reading.newPage();
            Browser.signIn(w, writer.email());
            w.navigate("/o/" + coalition.slug() + "/statements/new");
            w.getByLabel("Language of the text").selectOption("en");
            w.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill(title);
            w.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill("Fund the future! Pay the debt!");
            button(w, "Save the draft");
            button(w, "Submit for review");
            assertThat(w.locator(".notice").first()).containsText("submitted for review");

            // the reviewer's letter, in /dev/mail with its subject as written (“ ” travel RFC 2047-encoded)
            var inReview = "“" + title + "” waits for review in " + coalition.name();
            Browser.openLetter(m, reviewer.email(), inReview, 1);
            assertThat(m.locator("h1")).hasText(inReview);
            assertThat(m.locator("dl.facts")).containsText(reviewer.email());
            m.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Source"))
                    .click();
            assertThat(m.locator("body")).containsText("Subject: =?UTF-8?");
            m.goBack();
            m.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("HTML version"))
                    .click();
            assertThat(m.locator("body")).containsText("waits for review in " + coalition.name());
            var reviewLink = m.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open"))
                    .getAttribute("href");
            assertThat(reviewLink).contains("/s/");

            // the reviewer follows it, signed in, and finds the same statement among their tasks
            var r = reviewing.newPage();
            Browser.signIn(r, reviewer.email());
            r.navigate(Browser.onThisServer(reviewLink));
            assertThat(r.locator("h1")).containsText(title);
            r.navigate("/statements");
            assertThat(r.locator("header .task-count")).hasText("1 waiting");
            r.locator("header a[href='/account/tasks']").click();
            axe(r, r.url());
            r.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName(title).setExact(false))
                    .click();
            r.getByLabel("Comment for the writers").fill("Please cite the 2023 report.");
            button(r, "Send back to the writers");
            assertThat(r.locator(".notice").first()).containsText("sent back");

            // the writer's letter carries the comment, and its link opens the edit page, where the comment is too
            var sentBack = "“" + title + "” was sent back to you with a comment";
            Browser.openLetter(m, writer.email(), sentBack, 1);
            assertThat(m.locator("h1")).hasText(sentBack);
            assertThat(m.locator("pre.mail-text")).containsText("Please cite the 2023 report.");
            axe(m, m.url());
            // the task closed in the same transaction that queued this email
            r.navigate("/statements");
            assertThat(r.locator("header .task-count")).hasCount(0);
            m.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("HTML version"))
                    .click();
            assertThat(m.locator("body")).containsText("Please cite the 2023 report.");
            var editLink = m.locator("a[href*='/edit']").first().getAttribute("href");
            assertThat(editLink).contains("/s/").endsWith("/edit?lang=en");
            w.navigate(Browser.onThisServer(editLink));
            assertThat(w.locator("#review-comment")).containsText("Please cite the 2023 report.");
            axe(w, w.url());
            w.getByLabel("Text", new Page.GetByLabelOptions().setExact(true))
                    .fill("Fund the future! Pay the debt!\n\nAs the 2023 report says.");
            button(w, "Save the draft");
            w.navigate(Browser.onThisServer(editLink).replace("/edit", ""));
            button(w, "Submit for review");
            assertThat(w.locator(".notice").first()).containsText("submitted for review");

            // the reviewer is told again, and has one task again
            Browser.openLetter(m, reviewer.email(), inReview, 2);
            r.navigate("/account/tasks");
            assertThat(r.locator("#tasks li")).hasCount(1);
            r.navigate("/account/tasks?lang=ar");
            assertThat(r.locator("html")).hasAttribute("dir", "rtl");
            axe(r, r.url());
            r.navigate("/account/tasks?lang=en");
            r.locator("#tasks li a").first().click();
            button(r, "Approve and publish");
            assertThat(r.locator(".notice").first()).containsText("published");

            var published = "“" + title + "” is published";
            Browser.openLetter(m, writer.email(), published, 1);
            m.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("HTML version"))
                    .click();
            assertThat(m.locator("body")).containsText("is published");
            r.navigate("/account/tasks");
            assertThat(r.locator("#no-tasks")).isVisible();
        }
    }

    private static void button(Page page, String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name))
                .click();
    }

    private static void axe(Page page, String path) {
        var serious = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa")).analyze().getViolations().stream()
                        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                        .map(v -> v.getId() + ": " + v.getHelp())
                        .toList();
        assertThat(serious).as("axe violations on %s", path).isEmpty();
    }
}

package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A writer submits a statement; the reviewer hears of it by email and in their tasks and sends it back with a comment;
 * the writer reads the comment in the email and on the edit page, resubmits; the reviewer publishes and the writer
 * hears of it. Each email is opened in the browser as the dev mailbox shows it (its HTML part), and its link followed.
 */
@ChorusWebTest
class ReviewNotificationsJourneyBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures fixtures;

    @Test
    void a_review_sent_back_and_resubmitted_reaches_the_reviewer_and_the_writer_by_email_and_in_their_tasks() {
        var coalition = fixtures.coalition();
        var writer = fixtures.person("writer");
        fixtures.grant(coalition, writer, Role.EDITOR);
        var reviewer = fixtures.person("reviewer");
        fixtures.grant(coalition, reviewer, Role.OWNER);
        var title = Fixtures.unique("Fund the future");

        try (var writing = browser.newContext(base(), "en");
                var reviewing = browser.newContext(base(), "en")) {
            var w = writing.newPage();
            Browser.signIn(w, writer.email());
            w.navigate("/o/" + coalition.slug() + "/statements/new");
            w.getByLabel("Language of the text").selectOption("en");
            w.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill(title);
            w.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill("Fund the future! Pay the debt!");
            button(w, "Save the draft");
            button(w, "Submit for review");
            assertThat(w.locator(".notice").first()).containsText("submitted for review");

            // the reviewer's email, opened as the dev mailbox shows it, leads to the statement
            var toReviewer = TestMail.awaitOne(reviewer.email());
            assertThat(subject(toReviewer)).contains(title).contains("waits for review");
            var r = reviewing.newPage();
            r.setContent(ReceivedMail.html(toReviewer));
            assertThat(r.locator("body")).containsText("waits for review in " + coalition.name());
            var reviewLink = r.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open"))
                    .getAttribute("href");
            assertThat(reviewLink).contains("/s/");

            Browser.signIn(r, reviewer.email());
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

            // the writer's email carries the comment, and its link opens the edit page, where the comment is too
            var sentBack = TestMail.awaitOne(writer.email());
            assertThat(subject(sentBack)).contains("was sent back to you");
            // the task closed in the same transaction that queued this email
            r.navigate("/statements");
            assertThat(r.locator("header .task-count")).hasCount(0);
            w.setContent(ReceivedMail.html(sentBack));
            assertThat(w.locator("body")).containsText("Please cite the 2023 report.");
            var editLink = ReceivedMail.linkPath(sentBack, "/s/");
            assertThat(editLink).endsWith("/edit?lang=en");
            w.navigate(base() + editLink);
            assertThat(w.locator("#review-comment")).containsText("Please cite the 2023 report.");
            axe(w, w.url());
            w.getByLabel("Text", new Page.GetByLabelOptions().setExact(true))
                    .fill("Fund the future! Pay the debt!\n\nAs the 2023 report says.");
            button(w, "Save the draft");
            w.navigate(editLink.replace("/edit", ""));
            button(w, "Submit for review");
            assertThat(w.locator(".notice").first()).containsText("submitted for review");

            var again = TestMail.await(reviewer.email(), 2).getLast();
            assertThat(subject(again)).contains(title);
            r.navigate("/account/tasks");
            assertThat(r.locator("#tasks li")).hasCount(1);
            r.navigate("/account/tasks?lang=ar");
            assertThat(r.locator("html")).hasAttribute("dir", "rtl");
            axe(r, r.url());
            r.navigate("/account/tasks?lang=en");
            r.locator("#tasks li a").first().click();
            button(r, "Approve and publish");
            assertThat(r.locator(".notice").first()).containsText("published");

            var published = TestMail.await(writer.email(), 2).getLast();
            assertThat(subject(published)).contains(title).contains("is published");
            w.setContent(ReceivedMail.html(published));
            assertThat(w.locator("body")).containsText("is published");
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

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

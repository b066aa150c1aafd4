package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import org.chorus.comments.CommentFixtures;
import org.chorus.organizations.Role;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A reader comments on a statement; the organization's moderator approves it; everyone can read it. */
@ChorusWebTest
class CommentJourneyBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    CommentFixtures comments;

    @Autowired
    TestClock clock;

    @Test
    void a_reader_comments_and_a_moderator_approves_it() {
        var coalition = fixtures.coalition();
        var statement = comments.published(statements.ownerOf(coalition), coalition, true);
        var moderator = fixtures.person("moderator");
        fixtures.grant(coalition, moderator, Role.MODERATOR);
        var reader = fixtures.person("reader");
        var text = Fixtures.unique("Our union will join the day of action");

        try (var context = browser.newContext("http://localhost:" + port, "en")) {
            var page = context.newPage();
            Browser.signIn(page, reader.email());
            page.navigate("/s/" + statement.slug());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Be the first to comment"))
                    .click();
            page.getByLabel("Your comment").fill(text + "\nSee you there.");
            // a person takes a few seconds to write; the server refuses forms sent faster
            clock.advance(Duration.ofSeconds(5));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the comment"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("once a moderator has approved it");
            assertThat(page.locator(".comment")).hasCount(0);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                    .click();

            Browser.signIn(page, moderator.email());
            page.navigate("/o/" + coalition.slug() + "/comments");
            assertThat(page.locator(".comment-queue")).containsText(text);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("approved");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                    .click();

            page.navigate("/s/" + statement.slug() + "/comments");
            assertThat(page.locator(".comment .comment-body")).containsText(text);
            assertThat(page.locator(".comment .comment-body br")).hasCount(2);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in to comment")))
                    .isVisible();
        }
    }

    @Test
    void a_visitor_comments_as_a_guest_through_the_cached_comments_page_and_confirms_by_email() throws Exception {
        var coalition = fixtures.coalition();
        var statement = comments.published(statements.ownerOf(coalition), coalition, true);
        var email = "guest-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var text = Fixtures.unique("I am not a member but I agree");

        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            // read once so the comments page comes from the public page cache the second time
            page.navigate("/s/" + statement.slug() + "/comments");
            page.navigate("/s/" + statement.slug() + "/comments");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Comment as a guest"))
                    .click();
            var results = new com.deque.html.axecore.playwright.AxeBuilder(page)
                    .withTags(java.util.List.of("wcag2a", "wcag2aa"))
                    .analyze();
            org.assertj.core.api.Assertions.assertThat(results.getViolations().stream()
                            .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                            .map(v -> v.getId() + ": " + v.getHelp())
                            .toList())
                    .isEmpty();
            page.getByLabel("Your name").fill("Sam Guest");
            page.getByLabel("Your email address").fill(email);
            page.getByLabel("Your comment").fill(text);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(AccountJourneyBrowserTest.SCREENSHOTS.resolve("guest-comment-en.png"))
                    .setFullPage(true));
            clock.advance(Duration.ofSeconds(5));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the comment"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("we sent you an email");

            var letter = org.chorus.support.TestMail.awaitOne(email);
            var body = (String) ((jakarta.mail.Multipart) letter.getContent())
                    .getBodyPart(0)
                    .getContent();
            var link = java.util.regex.Pattern.compile("http://localhost/guest-comments/\\S+")
                    .matcher(body);
            org.assertj.core.api.Assertions.assertThat(link.find()).isTrue();
            page.navigate(link.group().replace("http://localhost", base()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my comment"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("now waits for the organization’s moderators");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the comments"))
                    .click();
            assertThat(page.locator(".comment")).hasCount(0);
        }
    }
}

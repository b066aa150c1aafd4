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
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Read and write comments"))
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
}

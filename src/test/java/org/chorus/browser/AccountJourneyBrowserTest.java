package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.Test;

/**
 * What a person does in a real browser: sign up, confirm the address by the emailed link, sign in, switch to Arabic. Every
 * request must go to Chorus's own origin; screenshots land in target/screenshots.
 */
@ChorusWebTest
class AccountJourneyBrowserTest extends BrowserJourney {

    @org.springframework.beans.factory.annotation.Autowired
    Fixtures fixtures;

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @Test
    void a_visitor_signs_up_confirms_the_address_signs_in_and_reads_chorus_in_arabic() {
        var requested = new CopyOnWriteArrayList<String>();
        var email = Fixtures.uniqueEmail("journey");

        try (var context = browser.newContext(base(), "en")) {
            context.onRequest(request -> requested.add(request.url()));
            var page = context.newPage();

            page.navigate("/");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign up"))
                    .first()
                    .click();
            page.getByLabel("Name").fill("Layla Journey");
            page.getByLabel("Email address").fill(email);
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                    .fill(Fixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING)).hasText("Thank you for signing up");

            Browser.signIn(page, email);
            assertThat(page.locator(".error-summary")).containsText("not active yet");

            page.navigate(ReceivedMail.linkPath(TestMail.awaitOne(email), "/signup/confirm/"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activate my account"))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING)).hasText("Your address is confirmed");

            Browser.signIn(page, email);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your profile")))
                    .isVisible();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("العربية"))
                    .click();
            assertThat(page.locator("html")).hasAttribute("dir", "rtl");
            assertThat(page.locator("html")).hasAttribute("lang", "ar");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("home-ar.png"))
                    .setFullPage(true));

            // the choice is remembered on the next page without ?lang
            page.navigate("/account");
            assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        }

        assertThat(requested).isNotEmpty();
        assertThat(requested)
                .as("every request goes to Chorus itself")
                .allSatisfy(url -> assertThat(origin(url)).isEqualTo(base()));
    }

    @Test
    void the_main_pages_have_no_serious_accessibility_violations() {
        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            for (var path : List.of(
                    "/",
                    "/login",
                    "/signup",
                    "/signup/done",
                    "/signup/resend",
                    "/password/forgot",
                    "/signup/confirm/a-token",
                    "/guest-comments/a-token?lang=ar",
                    "/?lang=ar")) {
                page.navigate(path);
                var results = new AxeBuilder(page)
                        .withTags(List.of("wcag2a", "wcag2aa"))
                        .analyze();
                var serious = results.getViolations().stream()
                        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                        .map(v -> v.getId() + ": " + v.getHelp())
                        .toList();
                assertThat(serious).as("axe violations on %s", path).isEmpty();
            }
            page.navigate("/");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("home-en.png"))
                    .setFullPage(true));
        }
    }

    @Test
    void a_person_creates_an_api_token_sees_it_listed_revokes_it_and_sees_where_they_are_signed_in() {
        var person = fixtures.person("browser-tokens");
        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            Browser.signIn(page, person.email());
            page.navigate("/account");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API tokens"))
                    .click();

            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Newsletter sync");
            page.getByLabel("30 days").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token"))
                    .click();
            var token =
                    page.getByLabel("Copy it now: it will not be shown again.").inputValue();
            assertThat(token).startsWith("chorus_");
            assertThat(page.locator("tbody tr")).hasCount(1);
            assertThat(page.locator("tbody tr")).containsText("Newsletter sync");
            assertNoSeriousAxeViolations(page, "/account/tokens");

            page.navigate("/account/tokens");
            assertThat(page.content()).as("shown once only").doesNotContain(token);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke Newsletter sync"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("The token has been revoked");
            assertThat(page.locator("tbody tr")).hasCount(0);

            page.navigate("/account");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Where you are signed in"))
                    .click();
            assertThat(page.locator("tr.session.current")).containsText("Chrome on Linux");
            assertThat(page.locator("tr.session.current")).containsText("This session");
            assertNoSeriousAxeViolations(page, "/account/sessions");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("sessions-en.png"))
                    .setFullPage(true));

            page.navigate("/account/confirm-password?next=/account/sessions");
            assertNoSeriousAxeViolations(page, "/account/confirm-password");
            page.getByLabel("Password").fill(Fixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm and continue"))
                    .click();
            assertThat(page).hasURL(base() + "/account/sessions");
        }
    }

    private static void assertNoSeriousAxeViolations(Page page, String path) {
        var serious = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa")).analyze().getViolations().stream()
                        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                        .map(v -> v.getId() + ": " + v.getHelp())
                        .toList();
        assertThat(serious).as("axe violations on %s", path).isEmpty();
    }

    private static String origin(String url) {
        var uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }
}

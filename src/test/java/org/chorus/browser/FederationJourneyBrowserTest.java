package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An owner finds the organization's fediverse page from its manage page, chooses to approve followers by hand and
 * blocks a server, without JavaScript needed; a site admin blocks one for the whole site. Both pages pass axe in
 * English and Arabic.
 */
@ChorusWebTest
class FederationJourneyBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures fixtures;

    static List<String> serious(Page page) {
        return new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa")).analyze().getViolations().stream()
                        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                        .map(v -> v.getId() + ": " + v.getHelp())
                        .toList();
    }

    @Test
    void an_owner_approves_followers_by_hand_and_blocks_a_server_and_an_admin_blocks_one_for_the_site() {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);

        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            Browser.signIn(page, owner.email());
            page.navigate("/o/" + coalition.slug() + "/manage");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fediverse"))
                    .click();
            assertThat(page.locator("h1")).containsText("on the fediverse");
            assertThat(page.locator("code").first()).hasText("@" + coalition.slug() + "@localhost");

            page.getByLabel("Approve followers by hand").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                    .click();
            assertThat(page.locator(".notice")).containsText("Saved");
            assertThat(page.getByLabel("Approve followers by hand")).isChecked();

            page.getByLabel("Server (domain)").fill("https://Spam.Example/users/someone");
            page.getByLabel("Silence: follows need approval, likes are not counted")
                    .check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Block this server"))
                    .click();
            assertThat(page.locator("#blocks li").first()).containsText("spam.example");
            assertThat(page.locator("#blocks li").first()).containsText("silenced");

            for (var path : List.of(page.url(), page.url().replaceAll("#.*$", "") + "?lang=ar")) {
                page.navigate(path);
                assertThat(serious(page)).as("axe violations on %s", path).isEmpty();
            }
            assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        }

        var admin = fixtures.admin();
        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            Browser.signIn(page, admin.email());
            page.navigate("/admin/accounts");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Federation"))
                    .click();
            page.getByLabel("Server (domain)").fill("harassment.example");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Block this server"))
                    .click();
            assertThat(page.locator("#blocks")).containsText("harassment.example");
            for (var path : List.of("/admin/federation", "/admin/federation?lang=ar")) {
                page.navigate(path);
                assertThat(serious(page)).as("axe violations on %s", path).isEmpty();
            }
            page.navigate("/admin/federation?lang=en");
            page.locator("#blocks li", new Page.LocatorOptions().setHasText("harassment.example"))
                    .getByRole(AriaRole.BUTTON)
                    .click();
            assertThat(page.locator("#blocks")).not().containsText("harassment.example");
        }
    }
}

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
 * blocks a server, without JavaScript needed; a site admin blocks one for the whole site; an owner follows an account
 * on another server by its handle and republishes its article with one click; an owner registers a webhook endpoint.
 * The pages pass axe in English and Arabic.
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

    @Autowired
    java.time.Clock clock;

    /** What a remote account sends to the site's shared inbox, signed as its server would, over real HTTP. */
    void sends(org.chorus.federation.RemoteServerAccess remote, String name, String activity) throws Exception {
        var target = java.net.URI.create(base() + "/inbox");
        var body = activity.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = java.net.http.HttpRequest.newBuilder(target)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        remote.signed(name, target, body, clock.instant()).forEach((header, value) -> {
            if (!header.equalsIgnoreCase("host")) {
                request.header(header, value);
            }
        });
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            var answer = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        }
    }

    @Test
    void an_owner_follows_an_organization_elsewhere_and_republishes_its_article_with_one_click() throws Exception {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        try (var remote = new org.chorus.federation.RemoteServerAccess("tenants-union");
                var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            Browser.signIn(page, owner.email());
            page.navigate("/o/" + coalition.slug() + "/manage/fediverse");
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Organizations you follow on other servers"))
                    .click();
            page.getByLabel("Its address on the fediverse").fill("@tenants-union@" + remote.host());
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Follow").setExact(true))
                    .click();
            assertThat(page.locator(".notice")).containsText("The follow request is sent");
            assertThat(page.locator("#followed")).containsText("waiting for its answer");

            org.awaitility.Awaitility.await("the Follow reaches its server").until(() -> remote.follow() != null);
            sends(remote, "tenants-union", remote.accept());
            sends(remote, "tenants-union", remote.article("1", "Homes for all", "<p>We call for homes.</p>"));
            page.reload();
            assertThat(page.locator("#followed")).containsText("following");
            assertThat(page.locator("#posts h3")).hasText("Homes for all");

            for (var path : List.of(page.url(), page.url() + "?lang=ar")) {
                page.navigate(path);
                assertThat(serious(page)).as("axe violations on %s", path).isEmpty();
            }
            assertThat(page.locator("html")).hasAttribute("dir", "rtl");

            page.navigate("/o/" + coalition.slug() + "/manage/fediverse/allied?lang=en");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Republish"))
                    .click();
            assertThat(page.locator("h1")).hasText("Homes for all");
            assertThat(page.locator("main")).containsText("We call for homes.");
        }
    }

    @Test
    void an_owner_registers_a_webhook_endpoint_from_the_manage_page_and_the_pages_pass_axe() {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            Browser.signIn(page, owner.email());
            page.navigate("/o/" + coalition.slug() + "/manage");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks"))
                    .click();
            page.getByLabel("Address (HTTPS)").fill("http://127.0.0.1:9/hooks/crm");
            page.getByLabel("A statement is published").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register"))
                    .click();
            assertThat(page.locator("#secret-value")).hasValue(java.util.regex.Pattern.compile("^whsec_"));
            assertThat(page.locator("#endpoints")).containsText("127.0.0.1:9/hooks/crm");
            var manage = "/o/" + coalition.slug() + "/manage/webhooks";
            for (var path : List.of(manage, manage + "?lang=ar")) {
                page.navigate(path);
                assertThat(serious(page)).as("axe violations on %s", path).isEmpty();
            }
            assertThat(page.locator("html")).hasAttribute("dir", "rtl");
            page.navigate(manage + "?lang=en");
            page.locator("#endpoints li a").first().click();
            assertThat(page.locator("h1")).hasText("Deliveries");
            assertThat(serious(page)).as("axe violations on the log").isEmpty();
        }
    }
}

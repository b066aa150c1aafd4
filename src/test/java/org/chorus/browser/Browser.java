package org.chorus.browser;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright for Java: headless, no browser download, no background traffic to Google.
 * Fails loudly (never skips) when /usr/bin/chromium is missing: .ci/run installs it.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHORUS_CHROMIUM", "/usr/bin/chromium"));

    final Playwright playwright;
    final com.microsoft.playwright.Browser chromium;

    Browser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(
                    CHROMIUM + " is missing: install Debian's chromium (apt-get install chromium)");
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    com.microsoft.playwright.BrowserContext newContext(String baseUrl, String acceptLanguage) {
        return chromium.newContext(options(baseUrl, acceptLanguage));
    }

    /** A reader whose clocks are in another time zone (an IANA name). */
    com.microsoft.playwright.BrowserContext newContext(String baseUrl, String acceptLanguage, String timeZone) {
        return chromium.newContext(options(baseUrl, acceptLanguage).setTimezoneId(timeZone));
    }

    private static NewContextOptions options(String baseUrl, String acceptLanguage) {
        return new NewContextOptions()
                .setBaseURL(baseUrl)
                .setLocale(acceptLanguage)
                .setExtraHTTPHeaders(Map.of("Accept-Language", acceptLanguage))
                .setViewportSize(1280, 900);
    }

    /** Signs in through the real form, as a person would. */
    static void signIn(com.microsoft.playwright.Page page, String email) {
        page.navigate("/login");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(org.chorus.support.Fixtures.PASSWORD);
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions()
                                .setName("Sign in")
                                .setExact(true))
                .click();
    }

    /** Fails unless axe-core finds no serious or critical WCAG 2 A/AA violation on the page as it is now. */
    static void assertAxeClean(com.microsoft.playwright.Page page, String what) {
        var serious = new com.deque.html.axecore.playwright.AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa")).analyze().getViolations().stream()
                        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                        .map(v -> v.getId() + ": " + v.getHelp())
                        .toList();
        org.assertj.core.api.Assertions.assertThat(serious)
                .as("axe violations on %s", what)
                .isEmpty();
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }

    /**
     * Opens /dev/mail until it lists {@code count} letters to {@code address} with this subject (the engine sends after
     * the commit, on its own thread), then opens the newest of them.
     */
    static void openLetter(com.microsoft.playwright.Page page, String address, String subject, int count) {
        var rows = page.locator("tbody tr")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(address))
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(subject));
        org.chorus.support.Eventually.eventually(count + " letter(s) to " + address + " in /dev/mail")
                .until(
                        () -> {
                            page.navigate("/dev/mail");
                            return rows.count();
                        },
                        found -> found >= count);
        rows.first()
                .getByRole(
                        com.microsoft.playwright.options.AriaRole.LINK,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName(subject))
                .click();
    }

    /** A link from a letter, which names the configured site (http://localhost), as a path on the test's server. */
    static String onThisServer(String link) {
        var uri = java.net.URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}

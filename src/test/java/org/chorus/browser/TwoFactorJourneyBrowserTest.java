package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two-factor sign-in in a real browser: connecting an authenticator app and signing in with its code, then adding a
 * passkey and signing in with it alone, through Chromium's virtual authenticator (the DevTools WebAuthn domain).
 */
@ChorusWebTest
class TwoFactorJourneyBrowserTest extends BrowserJourney {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @Test
    void a_person_connects_an_authenticator_app_and_signs_in_with_its_code() {
        var person = fixtures.person("totp-journey");
        var violations = new ArrayList<String>();
        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            Browser.signIn(page, person.email());
            page.navigate("/account");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Set up an authenticator app"))
                    .click();
            assertThat(page.locator("svg.qr-code")).isVisible();
            violations.addAll(axe(page));
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("two-factor-setup.png")));

            var secret = page.locator("#secret").textContent().strip();
            page.getByLabel("Type the 6-digit code the app now shows").fill(AuthenticatorApp.code(secret, clock));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on"))
                    .click();
            assertThat(page.locator("#recovery-codes li")).hasCount(10);
            violations.addAll(axe(page));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("I have saved them"))
                    .click();
            assertThat(page.locator("#two-factor-state")).containsText("on");

            signOut(page);
            // the code just used is spent: the app shows the next one 30 seconds later
            clock.advance(Duration.ofSeconds(30));
            Browser.signIn(page, person.email());
            assertThat(page.locator("h1")).hasText("Confirm it is you");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your profile")))
                    .hasCount(0);
            violations.addAll(axe(page));
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
                    .fill(AuthenticatorApp.code(secret, clock));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue"))
                    .click();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your profile")))
                    .isVisible();
        }
        assertThat(violations).as("serious axe violations").isEmpty();
    }

    @Test
    void a_person_adds_a_passkey_and_signs_in_with_it_alone() {
        var person = fixtures.person("passkey-journey");
        var violations = new ArrayList<String>();
        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            var devTools = context.newCDPSession(page);
            devTools.send("WebAuthn.enable");
            var options = new JsonObject();
            options.addProperty("protocol", "ctap2");
            options.addProperty("transport", "internal");
            options.addProperty("hasResidentKey", true);
            options.addProperty("hasUserVerification", true);
            options.addProperty("isUserVerified", true);
            options.addProperty("automaticPresenceSimulation", true);
            var authenticator = new JsonObject();
            authenticator.add("options", options);
            devTools.send("WebAuthn.addVirtualAuthenticator", authenticator);

            Browser.signIn(page, person.email());
            page.navigate("/account");
            page.getByLabel("Name of the new passkey").fill("Test laptop");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey"))
                    .click();
            assertThat(page.locator(".passkeys")).containsText("Test laptop");
            assertThat(page.locator("#two-factor-state")).containsText("on");
            violations.addAll(axe(page));

            signOut(page);
            page.navigate("/login");
            violations.addAll(axe(page));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey"))
                    .click();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your profile")))
                    .isVisible();
            page.navigate("/account");
            assertThat(page.locator(".passkeys")).containsText("Test laptop");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("passkeys.png"))
                    .setFullPage(true));

            // with a passkey, the password alone no longer signs in: the passkey is the second step
            signOut(page);
            Browser.signIn(page, person.email());
            assertThat(page.locator("h1")).hasText("Confirm it is you");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey"))
                    .click();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your profile")))
                    .isVisible();
        }
        assertThat(violations).as("serious axe violations").isEmpty();
    }

    private static void signOut(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
    }

    private static List<String> axe(Page page) {
        return new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa")).analyze().getViolations().stream()
                        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                        .map(v -> page.url() + " " + v.getId() + ": " + v.getHelp())
                        .toList();
    }

    /** What an authenticator app computes (RFC 6238), written apart from Chorus's own code on purpose. */
    static final class AuthenticatorApp {
        private AuthenticatorApp() {}

        static String code(String base32, TestClock clock) {
            try {
                var mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(decode(base32), "HmacSHA1"));
                var hash = mac.doFinal(ByteBuffer.allocate(8)
                        .putLong(clock.instant().getEpochSecond() / 30)
                        .array());
                int offset = hash[19] & 0xf;
                int value = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
                return String.format("%06d", value % 1_000_000);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] decode(String base32) {
            var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            var out = new java.io.ByteArrayOutputStream();
            long buffer = 0;
            int bits = 0;
            for (char c : base32.toCharArray()) {
                buffer = (buffer << 5) | alphabet.indexOf(c);
                bits += 5;
                if (bits >= 8) {
                    out.write((int) (buffer >> (bits - 8)) & 0xff);
                    bits -= 8;
                }
            }
            return out.toByteArray();
        }
    }
}

package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.ZoneOffset;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An editor creates a campaign with two days of action, the owner publishes it, and a reader finds it on the
 * organization's page, the home page, the list and the feed; the pages pass axe, in Arabic too.
 */
@ChorusWebTest
class CampaignJourneyBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @Test
    void an_editor_creates_a_campaign_with_two_days_of_action_the_owner_publishes_it_and_readers_find_it() {
        var coalition = fixtures.coalition();
        var editor = fixtures.person("editor");
        fixtures.grant(coalition, editor, Role.EDITOR);
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var title = Fixtures.unique("Climate action fortnight");
        // evening in UTC, already tomorrow in Manila: the campaign counts its days from its own zone's date
        var now = clock.instant().atZone(ZoneOffset.UTC);
        var toEvening = Duration.between(now, now.toLocalDate().atTime(20, 0).atZone(ZoneOffset.UTC));
        clock.advance(toEvening.isNegative() ? toEvening.plusDays(1) : toEvening);
        var today = clock.instant().atZone(java.time.ZoneId.of("Asia/Manila")).toLocalDate();

        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            Browser.signIn(page, editor.email());
            page.navigate("/o/" + coalition.slug());
            page.locator("main")
                    .getByRole(
                            AriaRole.LINK,
                            new com.microsoft.playwright.Locator.GetByRoleOptions()
                                    .setName("Campaigns")
                                    .setExact(true))
                    .click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New campaign"))
                    .click();
            page.getByLabel("Language it is written in").selectOption("en");
            page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true))
                    .fill(title);
            page.getByLabel("The call", new Page.GetByLabelOptions().setExact(true))
                    .fill("We call on every government to **act now**.");
            page.getByLabel("Demands").fill("Cancel the debt\nPay for loss and damage");
            page.getByLabel("Time zone of the campaign’s dates").selectOption("Asia/Manila");
            page.getByLabel("First day").fill(today.plusDays(7).toString());
            page.getByLabel("Last day").fill(today.plusDays(21).toString());
            page.getByLabel("Day of action 1").fill(today.plusDays(12).toString());
            page.getByLabel("Day of action 2").fill(today.plusDays(13).toString());
            page.getByLabel("Protest or rally").check();
            page.getByLabel("Online action").check();
            Browser.assertAxeClean(page, "the campaign form");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the draft"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("draft campaign is saved");
            assertThat(page.locator(".days-of-action li")).hasCount(2);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                    .click();

            Browser.signIn(page, owner.email());
            page.navigate("/o/" + coalition.slug() + "/campaigns/manage");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title))
                    .click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish the campaign"))
                    .click();
            assertThat(page.locator(".notice").first()).containsText("campaign is published");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                    .click();

            page.navigate("/o/" + coalition.slug());
            page.locator(".organization-campaigns")
                    .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(title))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title)))
                    .isVisible();
            assertThat(page.locator(".campaign-countdown")).hasText("The next day of action is in 12 days.");
            Browser.assertAxeClean(page, "the campaign page");
            page.navigate("/");
            assertThat(page.locator(".current-campaigns")).containsText(title);
            page.locator("header nav")
                    .getByRole(
                            AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Campaigns"))
                    .click();
            assertThat(page.locator(".campaign-list")).containsText(title);
            Browser.assertAxeClean(page, "the list of campaigns");
            var feed = page.request().get("/campaigns.atom");
            org.assertj.core.api.Assertions.assertThat(feed.text()).contains(title);
        }

        try (var arabic = browser.newContext(base(), "ar")) {
            var page = arabic.newPage();
            page.setViewportSize(375, 800);
            page.navigate("/campaigns?lang=ar");
            assertThat(page.locator("html")).hasAttribute("dir", "rtl");
            page.locator(".campaign-item a").first().click();
            assertThat(page.locator("html")).hasAttribute("dir", "rtl");
            Browser.assertAxeClean(page, "a campaign page in Arabic, at a phone's width");
        }
    }

    @Autowired
    org.chorus.actions.ActionFixtures actions;

    @Test
    void a_reader_near_lyon_presses_near_me_and_finds_the_action_in_paris_with_its_distance() {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var owners = org.chorus.organizations.Actor.of(owner);
        var slug = actions.campaign(owners, coalition);
        var title = Fixtures.unique("Rally at the town hall");
        actions.registered(owners, slug, title);

        try (var context = browser.newContext(base(), "en")) {
            context.grantPermissions(java.util.List.of("geolocation"));
            context.setGeolocation(new com.microsoft.playwright.options.Geolocation(45.7640, 4.8357));
            var page = context.newPage();
            page.navigate("/c/" + slug);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Near me"))
                    .click();
            page.waitForURL(url -> url.contains("/actions/near?city="));
            assertThat(page.locator("main h2").first()).hasText("Nearest to Lyon, France");
            assertThat(page.locator(".action-item > a")).hasText(title);
            assertThat(page.locator(".action-item .meta")).containsText("km away");
            Browser.assertAxeClean(page, "actions near a city");
        }
    }
}

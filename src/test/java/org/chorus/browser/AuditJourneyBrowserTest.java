package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.support.Eventually.eventually;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import org.chorus.audit.ReadingActivity;
import org.chorus.organizations.Actor;
import org.chorus.organizations.ManagingMembers;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An owner finds who changed a role in their organization, in their time zone, in English and in Arabic. */
@ChorusWebTest
class AuditJourneyBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ManagingMembers members;

    @Autowired
    ReadingActivity activity;

    @Test
    void an_owner_reads_the_activity_log_from_the_manage_page_and_it_passes_axe_in_both_directions() {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var member = fixtures.person("member");
        fixtures.grant(coalition, member, Role.MEMBER);
        members.changeRole(Actor.of(owner), coalition.id(), member.id(), Role.MODERATOR);
        // the listener records after the commit, on another thread
        eventually("the role change is recorded")
                .until(() -> activity.ofOrganization(Actor.of(owner), coalition.slug(), null).lines().stream()
                        .anyMatch(l -> l.entry().kind().equals("members.ROLE_CHANGED")
                                && member.id().equals(l.entry().subject())
                                && "MODERATOR".equals(l.entry().detail())));

        try (var context = browser.newContext(base(), "en")) {
            var page = context.newPage();
            Browser.signIn(page, owner.email());
            page.navigate("/o/" + coalition.slug() + "/manage");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Activity log"))
                    .click();
            assertThat(page.locator("#activity li").first()).containsText("the role Moderator");
            page.getByLabel("Time zone").selectOption(new SelectOption().setValue("America/Bogota"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show times in this zone"))
                    .click();
            assertThat(page.locator("#zone")).hasValue("America/Bogota");
            for (var path : List.of(page.url(), page.url() + "&lang=ar", base() + "/account/activity")) {
                page.navigate(path);
                var serious = new AxeBuilder(page)
                        .withTags(List.of("wcag2a", "wcag2aa")).analyze().getViolations().stream()
                                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                                .map(v -> v.getId() + ": " + v.getHelp())
                                .toList();
                assertThat(serious).as("axe violations on %s", path).isEmpty();
            }
            page.navigate("/o/" + coalition.slug() + "/manage/activity?lang=ar");
            assertThat(page.locator("html")).hasAttribute("dir", "rtl");
            assertThat(page.locator("#activity li").first()).containsText("مشرف");
        }
    }
}

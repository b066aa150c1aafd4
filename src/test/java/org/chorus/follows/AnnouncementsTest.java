package org.chorus.follows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.follows.FollowMail.header;
import static org.chorus.follows.FollowMail.html;
import static org.chorus.follows.FollowMail.subject;
import static org.chorus.follows.FollowMail.text;
import static org.chorus.support.Eventually.eventually;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.chorus.accounts.ChorusUser;
import org.chorus.email.Mail;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationKind;
import org.chorus.organizations.Role;
import org.chorus.shared.i18n.Language;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.TestClock;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class AnnouncementsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    FollowFixtures follows;

    @Autowired
    Following following;

    @Autowired
    SendingAnnouncements sending;

    @Autowired
    Mail mail;

    @Autowired
    TestClock clock;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    @Autowired
    org.chorus.shared.crypto.PersonalData personalData;

    @Test
    void an_owner_writes_previews_tests_and_sends_an_announcement_that_every_follower_gets_once() throws Exception {
        var coalition = fixtures.coalition();
        var chapter = fixtures.below(coalition, OrganizationKind.CHAPTER);
        var owner = owner(chapter);
        var english = Fixtures.uniqueEmail("ann-en");
        var arabic = Fixtures.uniqueEmail("ann-ar");
        var viaCoalition = Fixtures.uniqueEmail("ann-coalition");
        var notBelow = Fixtures.uniqueEmail("ann-not-below");
        var leaving = Fixtures.uniqueEmail("ann-leaving");
        follows.follow(mvc, english, "organization", chapter.slug(), "en", "IMMEDIATE", false);
        follows.follow(mvc, arabic, "organization", chapter.slug(), "ar", "WEEKLY", false);
        follows.follow(mvc, viaCoalition, "organization", coalition.slug(), "en", "IMMEDIATE", true);
        follows.follow(mvc, viaCoalition, "organization", chapter.slug(), "en", "IMMEDIATE", false);
        follows.follow(mvc, notBelow, "organization", coalition.slug(), "en", "IMMEDIATE", false);
        var preferences = follows.follow(mvc, leaving, "organization", chapter.slug(), "en", "IMMEDIATE", false);
        mvc.perform(post(preferences + "/unsubscribe").with(csrf())).andExpect(status().isOk());

        mvc.perform(get("/o/" + chapter.slug() + "/manage").with(user(owner)))
                .andExpect(content().string(containsString("/o/" + chapter.slug() + "/manage/announcements")));
        mvc.perform(get("/o/" + chapter.slug() + "/manage/announcements").with(user(owner)))
                .andExpect(status().isOk());
        // preview without JavaScript (a button) and with htmx (a fragment)
        mvc.perform(post("/o/" + chapter.slug() + "/manage/announcements")
                        .with(user(owner))
                        .with(csrf())
                        .param("language", "en")
                        .param("subject", "Join the march")
                        .param("body", "**Saturday** at noon <script>alert(1)</script>")
                        .param("preview", "1"))
                .andExpect(status().isOk())
                .andExpect(Html.has("strong:containsOwn(Saturday)"))
                .andExpect(Html.hasNo("script:containsData(alert)"));
        mvc.perform(post("/o/" + chapter.slug() + "/manage/announcements/preview")
                        .with(user(owner))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("body", "*now*"))
                .andExpect(status().isOk())
                .andExpect(Html.has("em:containsOwn(now)"));

        var page = mvc.perform(post("/o/" + chapter.slug() + "/manage/announcements")
                        .with(user(owner))
                        .with(csrf())
                        .param("language", "en")
                        .param("subject", "Join the march")
                        .param("body", "**Saturday** at noon, at the station."))
                .andExpect(redirectedUrlPattern("/o/" + chapter.slug() + "/manage/announcements/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(page).with(user(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("3 followers")))
                .andExpect(content().string(containsString("0 of them cannot be reached")));

        mvc.perform(post(page + "/test").with(user(owner)).with(csrf())).andExpect(status().is3xxRedirection());
        var test = TestMail.awaitOne(owner.email());
        assertThat(subject(test)).isEqualTo("[Test] Join the march");
        assertThat(Html.select(html(test), "strong:containsOwn(Saturday)")).isNotEmpty();
        assertThat(TestMail.to(english)).as("a test goes to its writer only").hasSize(1);

        mvc.perform(post(page + "/send").with(user(owner)).with(csrf())).andExpect(status().is3xxRedirection());
        var letter = TestMail.await(english, 2).get(1);
        assertThat(subject(letter)).isEqualTo("Join the march");
        assertThat(text(letter))
                .contains("A message from " + chapter.name())
                .contains("**Saturday** at noon")
                .contains("because you follow " + chapter.name());
        assertThat(Html.select(html(letter), "strong:containsOwn(Saturday)")).isNotEmpty();
        assertThat(header(letter, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        var arabicLetter = TestMail.await(arabic, 2).get(1);
        assertThat(subject(arabicLetter)).isEqualTo("Join the march");
        var arabicPage = Html.parse(html(arabicLetter));
        assertThat(arabicPage.select("html[dir=rtl]")).isNotEmpty();
        assertThat(arabicPage.text()).contains("رسالة من " + chapter.name());
        assertThat(arabicPage.select("div[lang=en][dir=ltr]"))
                .as("the English announcement keeps its own direction")
                .isNotEmpty();
        var toCoalitionFollower = TestMail.await(viaCoalition, 3).get(2);
        assertThat(subject(toCoalitionFollower)).isEqualTo("Join the march");

        var id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        eventually("the three letters are counted as sent")
                .until(() -> mail.progress("announcement:" + id).sent() == 3);
        assertThat(mail.progress("announcement:" + id).total()).isEqualTo(3);
        assertThat(TestMail.to(notBelow)).hasSize(1);
        assertThat(TestMail.to(leaving)).hasSize(1);
        mvc.perform(get(page + "/progress").with(user(owner)).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(Html.has("dd:matchesOwn(^3$)"));
        mvc.perform(get(page + "/progress").with(user(owner))).andExpect(status().is3xxRedirection());
        mvc.perform(post(page + "/send").with(user(owner)).with(csrf())).andExpect(status().isConflict());
        assertThat(sending.sendNow(id)).as("sent once").isZero();
    }

    @Test
    void a_scheduled_announcement_goes_at_its_time() throws Exception {
        var coalition = fixtures.coalition();
        var owner = owner(coalition);
        var email = Fixtures.uniqueEmail("scheduled");
        follows.follow(mvc, email, "organization", coalition.slug(), "es", "IMMEDIATE", false);
        var page = draft(owner, coalition, "es", "Asamblea", "El *lunes*.");

        var at = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(2)), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES);
        mvc.perform(post(page + "/schedule")
                        .with(user(owner))
                        .with(csrf())
                        .param("scheduledFor", at.minusDays(1).toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Choose a time in the future")));
        mvc.perform(post(page + "/schedule").with(user(owner)).with(csrf()).param("scheduledFor", at.toString()))
                .andExpect(status().is3xxRedirection());
        sending.sendDue();
        assertThat(TestMail.to(email)).as("not yet").hasSize(1);

        follows.advance(Duration.ofHours(3));
        assertThat(sending.sendDue()).isPositive();
        var letter = TestMail.await(email, 2).get(1);
        assertThat(subject(letter)).isEqualTo("Asamblea");
        assertThat(text(letter)).contains("Un mensaje de " + coalition.name());
        mvc.perform(get(page).with(user(owner))).andExpect(content().string(containsString("Sent")));
    }

    @Test
    void a_scheduled_announcement_is_locked_for_editors_and_owners_until_its_schedule_is_cancelled() throws Exception {
        var coalition = fixtures.coalition();
        var owner = owner(coalition);
        var editor = fixtures.person("editor");
        fixtures.grant(coalition, editor, Role.EDITOR);
        var page = draft(owner, coalition, "en", "Owner's words", "As the owner wrote it.");
        var at = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(2)), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES);
        mvc.perform(post(page + "/schedule").with(user(owner)).with(csrf()).param("scheduledFor", at.toString()))
                .andExpect(status().is3xxRedirection());

        for (var writer : List.of(editor, owner)) {
            mvc.perform(post(page)
                            .with(user(writer))
                            .with(csrf())
                            .param("language", "en")
                            .param("subject", "Rewritten")
                            .param("body", "Other words."))
                    .andExpect(status().isConflict());
        }
        mvc.perform(get(page).with(user(editor)))
                .andExpect(status().isOk())
                .andExpect(Html.has("#locked"))
                .andExpect(Html.hasNo("textarea[name=body]"))
                .andExpect(content().string(containsString("As the owner wrote it.")));

        mvc.perform(post(page + "/cancel").with(user(owner)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post(page)
                        .with(user(editor))
                        .with(csrf())
                        .param("language", "en")
                        .param("subject", "Rewritten")
                        .param("body", "Other words."))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(page).with(user(editor))).andExpect(content().string(containsString("Rewritten")));
    }

    @Test
    void a_member_who_cannot_write_is_refused_and_an_editor_may_write_and_test_but_not_send() throws Exception {
        var coalition = fixtures.coalition();
        var owner = owner(coalition);
        var page = draft(owner, coalition, "en", "Members only", "Hello.");
        var member = fixtures.person("member");
        fixtures.grant(coalition, member, Role.MEMBER);
        var editor = fixtures.person("editor");
        fixtures.grant(coalition, editor, Role.EDITOR);

        mvc.perform(get("/o/" + coalition.slug() + "/manage/announcements").with(user(member)))
                .andExpect(status().isForbidden());
        mvc.perform(get(page).with(user(member))).andExpect(status().isForbidden());
        mvc.perform(post(page + "/send").with(user(member)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/o/" + coalition.slug() + "/manage/announcements"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/login"));

        mvc.perform(get(page).with(user(editor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("for those who may publish")));
        mvc.perform(post(page + "/test").with(user(editor)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(subject(TestMail.awaitOne(editor.email()))).isEqualTo("[Test] Members only");
        mvc.perform(post(page + "/send").with(user(editor)).with(csrf())).andExpect(status().isForbidden());

        var other = fixtures.coalition();
        mvc.perform(get("/o/" + other.slug() + "/manage/announcements/" + page.substring(page.lastIndexOf('/') + 1))
                        .with(user(owner)))
                .andExpect(status().isForbidden());
    }

    @Test
    void thousands_of_followers_are_queued_in_batches_each_once() throws Exception {
        var coalition = fixtures.coalition();
        var owner = owner(coalition);
        var emails = new ArrayList<String>();
        for (int i = 0; i < 4_500; i++) {
            emails.add("bulk-" + i + "-" + coalition.slug() + "@example.org");
        }
        following.seedActiveFollowers(coalition.id(), emails, Language.FRENCH);
        // all but the last bounced before: they count as suppressed (and the test does not flood the mail server);
        // the last one comes after batches made only of suppressed addresses, which must not stop the senders
        jdbcTemplate.batchUpdate(
                "insert into email_suppressions (recipient_index, reason, created_at) values (?, 'test', now())",
                emails.subList(0, emails.size() - 1),
                1000,
                (ps, email) -> ps.setBytes(1, personalData.emailIndex(email)));
        var page = draft(owner, coalition, "fr", "Beaucoup", "Bonjour à toutes et à tous.");
        var id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        mvc.perform(get(page).with(user(owner)))
                .andExpect(content().string(containsString("4,499 of them cannot be reached")));

        long started = System.nanoTime();
        assertThat(sending.sendNow(id)).isEqualTo(4_500);
        var elapsed = Duration.ofNanos(System.nanoTime() - started);
        assertThat(elapsed).as("queued in one pass, not one round trip each").isLessThan(Duration.ofSeconds(30));
        assertThat(mail.progress("announcement:" + id).total()).isEqualTo(4_500);
        assertThat(sending.sendNow(id)).isZero();
        assertThat(TestMail.await(emails.getLast(), 1)).hasSize(1);
        eventually("the suppressed letters are counted")
                .until(() -> mail.progress("announcement:" + id).suppressed() == 4_499);
    }

    private ChorusUser owner(Organization organization) {
        var owner = fixtures.person("owner");
        fixtures.grant(organization, owner, Role.OWNER);
        return owner;
    }

    private String draft(ChorusUser owner, Organization organization, String language, String subject, String body)
            throws Exception {
        return mvc.perform(post("/o/" + organization.slug() + "/manage/announcements")
                        .with(user(owner))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("language", language)
                        .param("subject", subject)
                        .param("body", body))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }
}

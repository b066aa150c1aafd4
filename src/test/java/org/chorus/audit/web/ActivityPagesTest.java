package org.chorus.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.support.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.chorus.accounts.AccountId;
import org.chorus.accounts.AccountSecurityChanged;
import org.chorus.accounts.ChorusUser;
import org.chorus.organizations.ManagingMembers;
import org.chorus.organizations.MemberRoleChanged;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

@ChorusWebTest
class ActivityPagesTest {

    static final Cookie SESSION = new Cookie("chorus_session", "signed-in");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ManagingMembers members;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TestClock clock;

    Organization organization;
    ChorusUser owner;
    ChorusUser member;

    @BeforeEach
    void an_organization_whose_owner_made_a_member_an_editor() throws Exception {
        organization = fixtures.coalition();
        owner = fixtures.person("owner");
        fixtures.grant(organization, owner, Role.OWNER);
        member = fixtures.person("member");
        fixtures.grant(organization, member, Role.MEMBER);
        members.changeRole(org.chorus.organizations.Actor.of(owner), organization.id(), member.id(), Role.EDITOR);
        eventually("the role change is recorded")
                .until(() -> page(as(owner, "/o/" + organization.slug() + "/manage/activity"))
                        .contains("the role Editor"));
    }

    @Test
    void an_owner_reads_who_did_what_and_when_in_their_organization_and_finds_it_from_the_manage_page()
            throws Exception {
        var html = page(as(owner, "/o/" + organization.slug() + "/manage/activity"));
        assertThat(plain(Html.select(html, "#activity li").text()))
                .contains("Person owner gave Person member the role Editor in " + organization.name() + ".");
        assertThat(Html.select(html, "#activity li time[datetime]")).isNotEmpty();
        assertThat(html).doesNotContain(member.email());

        var manage = page(as(owner, "/o/" + organization.slug() + "/manage"));
        assertThat(Html.select(manage, "a[href='/o/" + organization.slug() + "/manage/activity']"))
                .isNotEmpty();
    }

    @Test
    void an_editor_neither_reads_the_log_nor_sees_the_link() throws Exception {
        mvc.perform(as(member, "/o/" + organization.slug() + "/manage/activity"))
                .andExpect(status().isForbidden());
        var manage = page(as(member, "/o/" + organization.slug() + "/manage"));
        assertThat(Html.select(manage, "a[href$='/manage/activity']")).isEmpty();
    }

    @Test
    void a_person_reads_their_own_log_from_the_account_page_and_not_someone_elses() throws Exception {
        assertThat(Html.select(page(as(member, "/account")), "a[href='/account/activity']"))
                .isNotEmpty();
        assertThat(plain(Html.select(page(as(member, "/account/activity")), "#activity li")
                        .text()))
                .contains("Person owner gave Person member the role Editor");

        var stranger = fixtures.person("stranger");
        var theirs = page(as(stranger, "/account/activity"));
        assertThat(Html.select(theirs, "#activity")).isEmpty();
        assertThat(Html.select(theirs, "#no-activity")).isNotEmpty();
    }

    @Test
    void an_account_that_no_longer_exists_reads_as_a_deleted_account() throws Exception {
        transactions.executeWithoutResult(status -> events.publishEvent(new MemberRoleChanged(
                organization.id(), member.id(), Role.MODERATOR, AccountId.random(), clock.instant())));
        eventually("recorded")
                .until(() -> page(as(owner, "/o/" + organization.slug() + "/manage/activity"))
                        .contains("a deleted account gave \u2068Person member\u2069 the role Moderator"));
    }

    @Test
    void the_log_reads_right_to_left_in_arabic_with_times_in_the_zone_the_reader_chose() throws Exception {
        var at = ZonedDateTime.of(2026, 6, 1, 23, 30, 0, 0, ZoneId.of("UTC")).toInstant();
        transactions.executeWithoutResult(status -> events.publishEvent(new AccountSecurityChanged(
                member.id(), AccountSecurityChanged.Change.API_TOKEN_CREATED, "nightly backup", at)));
        eventually("recorded").until(() -> page(as(member, "/account/activity")).contains("nightly backup"));

        var html = Html.parse(
                page(as(member, "/account/activity").param("lang", "ar").param("zone", "Asia/Tokyo")));
        assertThat(html.select("html").attr("dir")).isEqualTo("rtl");
        var token = html.select("#activity li:contains(nightly backup)");
        assertThat(token.text()).contains("أنشأ").contains("رمز API");
        assertThat(token.select("time").attr("datetime")).isEqualTo("2026-06-01T23:30:00Z");
        assertThat(html.select("#zone option[selected]").attr("value")).isEqualTo("Asia/Tokyo");

        var english = Html.parse(page(as(member, "/account/activity").param("zone", "Asia/Tokyo")));
        assertThat(english.select("#activity li:contains(nightly backup) time").text())
                .as("08:30 the next day in Tokyo")
                .contains("June 2, 2026")
                .contains("8:30");
    }

    @Test
    void a_cursor_or_zone_that_does_not_parse_shows_the_newest_page_in_utc() throws Exception {
        for (var before : new String[] {"x", "-", "99999999999999999999-1", "123"}) {
            mvc.perform(as(member, "/account/activity").param("before", before).param("zone", "Mars/Olympus"))
                    .andExpect(status().isOk())
                    .andExpect(Html.has("#zone option[value=UTC][selected]"));
        }
        // a NUL byte is no one's typing: refused before the page reads it (decision 0015)
        mvc.perform(as(member, "/account/activity").param("before", "1-\u0000")).andExpect(status().isBadRequest());
    }

    /** Names are wrapped in Unicode isolates (U+2068 … U+2069) so they keep their own direction in any sentence. */
    private static String plain(String text) {
        return text.replace("\u2068", "").replace("\u2069", "");
    }

    private MockHttpServletRequestBuilder as(ChorusUser person, String path) {
        return get(path).with(user(person)).cookie(SESSION);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}

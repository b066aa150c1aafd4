package org.chorus.actions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import org.chorus.actions.ActionFixtures;
import org.chorus.actions.ActionForm;
import org.chorus.actions.HostingActions;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.shared.calendar.CalendarEvent;
import org.chorus.shared.calendar.CalendarFeed;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Anyone subscribes to an organization's calendar: the actions it hosts and the days of action it calls. */
@ChorusWebTest
class OrganizationCalendarTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    HostingActions hosting;

    @Autowired
    Clock clock;

    ActionForm hostedBy(String organization, String title) {
        return ActionFixtures.hostedBy(actions.form(title), organization);
    }

    String calendar(String slug) throws Exception {
        var response = mvc.perform(get("/o/" + slug + "/actions.ics"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(response.getContentType()).startsWith("text/calendar");
        return response.getContentAsString();
    }

    @Test
    void the_calendar_holds_the_hosted_actions_cancelled_ones_marked_and_the_days_of_action() throws Exception {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var member = fixtures.person("member");
        fixtures.grant(coalition, member, Role.MEMBER);
        var slug = actions.campaign(Actor.of(owner), coalition);
        var hosted = hosting.register(Actor.of(owner), slug, hostedBy(coalition.slug(), Fixtures.unique("March")));
        var called = hosting.register(Actor.of(owner), slug, hostedBy(coalition.slug(), Fixtures.unique("Off")));
        hosting.cancel(Actor.of(owner), called.id());
        var waiting = hosting.register(Actor.of(member), slug, hostedBy(coalition.slug(), Fixtures.unique("Wait")));
        var unhosted = actions.registered(Actor.of(owner), slug, Fixtures.unique("Alone"));

        var text = calendar(coalition.slug());
        var events = CalendarFeed.events(CalendarFeed.read(text));
        var host = "@localhost";
        assertThat(events)
                .extracting(CalendarEvent::uid)
                .contains("action-" + hosted.id() + host, "action-" + called.id() + host)
                .doesNotContain("action-" + waiting.id() + host, "action-" + unhosted.id() + host);
        var cancelled = events.stream()
                .filter(e -> e.uid().startsWith("action-" + called.id()))
                .findFirst()
                .orElseThrow();
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.sequence()).isEqualTo(1);
        var march = events.stream()
                .filter(e -> e.uid().startsWith("action-" + hosted.id()))
                .findFirst()
                .orElseThrow();
        assertThat(march.cancelled()).isFalse();
        assertThat(march.start().getZone().getId()).isEqualTo("Europe/Paris");
        assertThat(text).contains("BEGIN:VTIMEZONE", "TZID:Europe/Paris", "STATUS:CANCELLED");

        var today = LocalDate.now(clock);
        var days = events.stream().filter(CalendarEvent::allDay).toList();
        assertThat(days)
                .extracting(e -> e.start().toLocalDate())
                .containsExactly(today.plusDays(15), today.plusDays(16));
        assertThat(days).allSatisfy(day -> {
            assertThat(day.end().toLocalDate())
                    .isEqualTo(day.start().toLocalDate().plusDays(1));
            assertThat(day.summary()).startsWith("Day of action: Campaign");
            assertThat(day.url().getPath()).isEqualTo("/c/" + slug);
        });
        assertThat(text)
                .contains("DTSTART;VALUE=DATE:" + today.plusDays(15).toString().replace("-", ""));
        // the same events again under the same ids, so calendars update them rather than add others
        assertThat(CalendarFeed.events(CalendarFeed.read(calendar(coalition.slug()))))
                .extracting(CalendarEvent::uid)
                .containsExactlyInAnyOrderElementsOf(
                        events.stream().map(CalendarEvent::uid).toList());

        var page = Html.parse(mvc.perform(get("/o/" + coalition.slug())).andReturn());
        assertThat(page.select(".organization-calendar a").attr("href"))
                .isEqualTo("/o/" + coalition.slug() + "/actions.ics");
    }

    @Test
    void an_organization_with_nothing_to_show_has_no_link_and_an_unknown_one_no_calendar() throws Exception {
        var quiet = fixtures.coalition();
        var page = Html.parse(mvc.perform(get("/o/" + quiet.slug())).andReturn());
        assertThat(page.select(".organization-calendar")).isEmpty();
        assertThat(CalendarFeed.events(CalendarFeed.read(calendar(quiet.slug()))))
                .isEmpty();
        mvc.perform(get("/o/no-such-organization/actions.ics")).andExpect(status().isNotFound());
    }
}

package org.chorus.rsvps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.accounts.ChorusUser;
import org.chorus.actions.Action;
import org.chorus.actions.ActionFixtures;
import org.chorus.actions.HostingActions;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A campaign's organizers write its next step once; after each action, the people who went get it in a thank-you,
 * once, except those who stopped the messages about their action.
 */
@ChorusWebTest
class ThankingRsvpsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionFixtures actions;

    @Autowired
    RsvpFixtures rsvps;

    @Autowired
    HostingActions hosting;

    @Autowired
    ThankingRsvps thanking;

    @Autowired
    Rsvping rsvping;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ChorusUser owner;
    String slug;

    @BeforeEach
    void a_published_campaign() {
        var coalition = fixtures.coalition();
        owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        slug = actions.campaign(Actor.of(owner), coalition);
    }

    Action action(String title) {
        return hosting.register(Actor.of(owner), slug, actions.form(title));
    }

    @Test
    void organizers_write_the_next_step_on_their_page_and_a_bad_link_is_refused_next_to_its_field() throws Exception {
        var page = Html.parse(mvc.perform(get("/c/" + slug + "/manage/thanks").with(user(owner)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("form[action=/c/" + slug + "/manage/thanks] textarea[name=text]"))
                .isNotEmpty();

        var refused = Html.parse(mvc.perform(post("/c/" + slug + "/manage/thanks")
                        .with(user(owner))
                        .with(csrf())
                        .param("text", "Write to your minister.")
                        .param("link", "javascript:alert(1)"))
                .andExpect(status().isUnprocessableEntity())
                .andReturn());
        assertThat(refused.select("#link-error").text()).contains("https://");
        assertThat(refused.select("textarea[name=text]").text()).isEqualTo("Write to your minister.");
        assertThat(thanking.managed(Actor.of(owner), slug, "en").thanks().isEmpty())
                .as("nothing stored")
                .isTrue();

        mvc.perform(post("/c/" + slug + "/manage/thanks")
                        .with(user(owner))
                        .with(csrf())
                        .param("text", "Write to your minister.")
                        .param("link", "https://example.org/write"))
                .andExpect(redirectedUrl("/c/" + slug + "/manage/thanks"));
        assertThat(thanking.managed(Actor.of(owner), slug, "en").thanks())
                .isEqualTo(new RsvpThanks("Write to your minister.", "https://example.org/write"));
        assertThat(Html.parse(mvc.perform(
                                        get("/c/" + slug + "/manage/dashboard").with(user(owner)))
                                .andReturn())
                        .select("a[href=/c/" + slug + "/manage/thanks]"))
                .as("the dashboard leads there")
                .isNotEmpty();
    }

    @Test
    void the_people_who_went_are_thanked_once_after_the_action_and_not_those_who_stopped_its_messages()
            throws Exception {
        var action = action(Fixtures.unique("Climate march"));
        var ana = Fixtures.uniqueEmail("ana");
        rsvps.confirmed(action.id(), "Ana", ana, 0);
        var quiet = Fixtures.uniqueEmail("quiet");
        var quietOwn = rsvps.confirmed(action.id(), "Quiet", quiet, 0).split("/");
        rsvping.unsubscribe(java.util.UUID.fromString(quietOwn[2]), quietOwn[3]);
        var end = action.details().end().toInstant();

        thanking.sendDue(end.plus(ThankingRsvps.AFTER).plusSeconds(60));
        assertThat(TestMail.to(ana, "Thank you for coming"))
                .as("no thank-you is written yet")
                .isEmpty();

        thanking.save(Actor.of(owner), slug, "Write to your minister next week.", "https://example.org/write");
        thanking.sendDue(end.plus(ThankingRsvps.AFTER).minusSeconds(60));
        assertThat(TestMail.to(ana, "Thank you for coming")).as("too early").isEmpty();
        thanking.sendDue(end.plus(ThankingRsvps.AFTER).plusSeconds(60));
        thanking.sendDue(end.plus(ThankingRsvps.AFTER).plusSeconds(120));

        var letter = TestMail.await(ana, 3).get(2);
        assertThat(letter.getSubject())
                .isEqualTo("Thank you for coming: " + action.details().title());
        assertThat(ReceivedMail.text(letter))
                .contains("Write to your minister next week.")
                .contains("https://example.org/write");
        assertThat(TestMail.to(ana, "Thank you for coming")).as("once").hasSize(1);
        assertThat(jdbc.sql("select count(*) from email_outbox where idempotency_key = :k")
                        .param("k", "rsvps.thanks:" + quietOwn[2])
                        .query(Integer.class)
                        .single())
                .as("no thank-you queued for the RSVP that stopped the messages")
                .isZero();
    }
}

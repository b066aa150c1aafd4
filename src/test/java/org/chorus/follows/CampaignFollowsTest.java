package org.chorus.follows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.follows.FollowMail.header;
import static org.chorus.follows.FollowMail.link;
import static org.chorus.follows.FollowMail.subject;
import static org.chorus.follows.FollowMail.text;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.chorus.actions.ActionFixtures;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** People follow a campaign's new actions by email, everywhere or near a city, in a letter a day or a week. */
@ChorusWebTest
class CampaignFollowsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    FollowFixtures follows;

    @Autowired
    ActionFixtures actions;

    @Autowired
    SendingCampaignNews news;

    @Autowired
    JdbcClient jdbc;

    @Test
    void followers_near_a_city_hear_of_the_actions_near_it_once_a_day_and_those_of_everywhere_of_all()
            throws Exception {
        var campaign = campaign();
        var page = Html.parse(mvc.perform(get("/c/" + campaign.slug)).andReturn());
        assertThat(page.select("form[action=/follow] input[name=campaign]").attr("value"))
                .as("the campaign page offers to follow it, with a plain GET form")
                .isEqualTo(campaign.slug);
        var form = Html.parse(
                mvc.perform(get("/follow").param("campaign", campaign.slug).param("city", "Paris"))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(form.select("input[name=city]").attr("value")).isEqualTo("Paris");
        assertThat(form.select("input[name=frequency]"))
                .extracting(e -> e.attr("value"))
                .containsExactly("DAILY", "WEEKLY");

        var nearParis = Fixtures.uniqueEmail("near-paris");
        var nearLyon = Fixtures.uniqueEmail("near-lyon");
        var everywhere = Fixtures.uniqueEmail("everywhere");
        follow(nearParis, campaign.slug, "Paris", "25", "DAILY");
        follow(nearLyon, campaign.slug, "Lyon", "100", "DAILY");
        follow(everywhere, campaign.slug, "", "", "WEEKLY");
        var confirmation = TestMail.to(nearParis).getFirst();
        assertThat(text(confirmation)).contains("new actions of the campaign").contains("within 25 km of Paris");

        var title = Fixtures.unique("Teach-in at the town hall");
        actions.registered(campaign.owner, campaign.slug, title);
        news.sendDue();
        assertThat(TestMail.to(nearParis)).as("not a day yet").hasSize(1);

        follows.advance(Duration.ofDays(1).plusHours(1));
        news.sendDue();
        var letter = TestMail.await(nearParis, 2).get(1);
        assertThat(subject(letter)).startsWith("New actions: one for the campaign");
        assertThat(text(letter))
                .contains(title)
                .contains("Paris · 0 km away")
                .contains("http://localhost/actions/")
                .contains("http://localhost/c/" + campaign.slug);
        assertThat(header(letter, "List-Unsubscribe")).as("one click to stop").isNotNull();
        assertThat(TestMail.to(nearLyon)).as("Paris is beyond 100 km of Lyon").hasSize(1);
        assertThat(TestMail.to(everywhere))
                .as("a weekly follower waits for the week")
                .hasSize(1);

        news.sendDue();
        follows.advance(Duration.ofDays(6));
        news.sendDue();
        assertThat(TestMail.await(everywhere, 2).get(1).getSubject()).contains("New actions");
        assertThat(TestMail.to(nearParis))
                .as("nothing new since: no letter, and none twice")
                .hasSize(2);
    }

    @Test
    void an_unknown_city_or_distance_is_an_error_next_to_its_field_and_nothing_is_stored() throws Exception {
        var campaign = campaign();
        var email = Fixtures.uniqueEmail("nowhere");
        var page = Html.parse(mvc.perform(post("/follow")
                        .with(csrf())
                        .param("campaign", campaign.slug)
                        .param("email", email)
                        .param("city", "Qwxzyville")
                        .param("kilometres", "25")
                        .param("frequency", "DAILY"))
                .andReturn());
        assertThat(page.select("#city-error").text()).contains("We do not know this city");
        var distance = Html.parse(mvc.perform(post("/follow")
                        .with(csrf())
                        .param("campaign", campaign.slug)
                        .param("email", email)
                        .param("city", "Paris")
                        .param("kilometres", "7")
                        .param("frequency", "DAILY"))
                .andReturn());
        assertThat(distance.select("#kilometres-error").text()).contains("Choose one of the distances");
        mvc.perform(get("/follow").param("campaign", "no-such-campaign")).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from follows where campaign_slug = :slug")
                        .param("slug", campaign.slug)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void an_organization_announces_to_the_followers_of_its_campaign_and_not_to_its_own() throws Exception {
        var campaign = campaign();
        var campaignFollower = Fixtures.uniqueEmail("campaign-news");
        var organizationFollower = Fixtures.uniqueEmail("organization-news");
        follow(campaignFollower, campaign.slug, "", "", "WEEKLY");
        follows.follow(mvc, organizationFollower, "organization", campaign.coalition.slug(), "en", "IMMEDIATE", false);
        var announcements = "/o/" + campaign.coalition.slug() + "/manage/announcements";
        var form = Html.parse(
                mvc.perform(get(announcements).with(user(campaign.user))).andReturn());
        assertThat(form.select("select[name=campaign] option"))
                .extracting(e -> e.attr("value"))
                .containsExactly("", campaign.slug);
        mvc.perform(post(announcements)
                        .with(user(campaign.user))
                        .with(csrf())
                        .param("language", "en")
                        .param("subject", "Buses to the capital")
                        .param("body", "Seats are left.")
                        .param("campaign", "not-ours"))
                .andExpect(content().string(containsString("one of its published campaigns")));

        var page = mvc.perform(post(announcements)
                        .with(user(campaign.user))
                        .with(csrf())
                        .param("language", "en")
                        .param("subject", "Buses to the capital")
                        .param("body", "Seats are left.")
                        .param("campaign", campaign.slug))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(page).with(user(campaign.user)))
                .andExpect(content().string(containsString("To the followers of a campaign")))
                .andExpect(content().string(containsString("One follower")));
        mvc.perform(post(page + "/send").with(user(campaign.user)).with(csrf())).andExpect(status().is3xxRedirection());

        var letter = TestMail.await(campaignFollower, 2).get(1);
        assertThat(subject(letter)).isEqualTo("Buses to the capital");
        assertThat(text(letter)).contains("because you follow the campaign");
        assertThat(TestMail.to(organizationFollower))
                .as("the organization's own followers get only their confirmation")
                .hasSize(1);
    }

    private void follow(String email, String slug, String city, String kilometres, String frequency) throws Exception {
        int before = TestMail.to(email).size();
        mvc.perform(post("/follow")
                        .with(csrf())
                        .param("campaign", slug)
                        .param("email", email)
                        .param("city", city)
                        .param("kilometres", kilometres)
                        .param("frequency", frequency)
                        .param("language", "en"))
                .andExpect(status().isOk());
        var confirmation = TestMail.await(email, before + 1).get(before);
        mvc.perform(post(link(confirmation, "/follows/confirm/")).with(csrf())).andExpect(status().isOk());
    }

    record Campaign(
            String slug,
            Actor owner,
            org.chorus.accounts.ChorusUser user,
            org.chorus.organizations.Organization coalition) {}

    private Campaign campaign() {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var actor = Actor.of(owner);
        return new Campaign(actions.campaign(actor, coalition), actor, owner, coalition);
    }
}

package org.chorus.campaigns.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.util.List;
import org.chorus.accounts.ChorusUser;
import org.chorus.campaigns.CampaignFixtures;
import org.chorus.campaigns.WritingCampaigns;
import org.chorus.organizations.Actor;
import org.chorus.organizations.OrganizationKind;
import org.chorus.organizations.Role;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Editors write campaigns, owners publish them, and readers find them on their page, in lists and in the feed. */
@ChorusWebTest
class CampaignPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    CampaignFixtures campaigns;

    @Autowired
    WritingCampaigns writing;

    @Autowired
    JdbcClient jdbc;

    /** The campaign form, as a browser sends it, from the fixtures' campaign form. */
    MockHttpServletRequestBuilder form(String path, ChorusUser who, org.chorus.campaigns.CampaignDraft d) {
        var request = post(path)
                .with(user(who))
                .with(csrf())
                .param("language", d.language())
                .param("title", d.title())
                .param("summary", d.summary())
                .param("call", d.call())
                .param("demands", d.demands())
                .param("timeZone", d.timeZone())
                .param("startsOn", d.startsOn())
                .param("endsOn", d.endsOn())
                .param("partners", d.partners())
                .param("statements", d.statements());
        d.daysOfAction().forEach(day -> request.param("daysOfAction", day));
        d.kinds().forEach(kind -> request.param("kinds", kind));
        return request;
    }

    int stored(String title) {
        return jdbc.sql("select count(*) from campaign_texts where title = :title")
                .param("title", title)
                .query(Integer.class)
                .single();
    }

    @Test
    void an_editor_writes_a_draft_only_the_organization_sees_and_an_owner_publishes_it_everywhere() throws Exception {
        var coalition = fixtures.coalition();
        var partner = fixtures.below(coalition, OrganizationKind.MEMBER);
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var editor = fixtures.person("editor");
        fixtures.grant(coalition, editor, Role.EDITOR);
        var call = statements.published(
                Actor.of(owner), coalition, "en", Fixtures.unique("The call"), "We call for justice.");
        var title = Fixtures.unique("Climate fortnight");
        var draft = CampaignFixtures.form(
                campaigns.today(), title, 3, 17, List.of(8, 5), partner.slug(), "/s/" + call.slug());

        var created = mvc.perform(form("/o/" + coalition.slug() + "/campaigns/new", editor, draft))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(created).startsWith("/c/climate-fortnight");
        mvc.perform(get(created)).andExpect(status().isNotFound());
        mvc.perform(get(created).with(user(fixtures.person("stranger")))).andExpect(status().isNotFound());
        var editorsView = Html.parse(mvc.perform(get(created).with(user(editor)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(editorsView.select("form[action$=/publish]"))
                .as("only owners publish")
                .isEmpty();
        mvc.perform(post(created + "/publish").with(user(editor)).with(csrf())).andExpect(status().isForbidden());

        var ownersView = Html.parse(mvc.perform(get(created).with(user(owner))).andReturn());
        assertThat(ownersView.select("form[action$=/publish] button")).hasSize(1);
        mvc.perform(post(created + "/publish").with(user(owner)).with(csrf())).andExpect(status().is3xxRedirection());

        var page =
                Html.parse(mvc.perform(get(created)).andExpect(status().isOk()).andReturn());
        assertThat(page.select("h1").text()).isEqualTo(title);
        assertThat(page.select(".days-of-action time").eachAttr("datetime"))
                .containsExactly(
                        campaigns.today().plusDays(5).toString(),
                        campaigns.today().plusDays(8).toString());
        assertThat(page.select(".campaign-countdown").text()).isEqualTo("The next day of action is in 5 days.");
        assertThat(page.select(".demands li").eachText())
                .containsExactly("Cancel the debt", "Pay for loss and damage", "End fossil subsidies");
        assertThat(page.select(".campaign-kinds li").eachText()).containsExactly("Protest or rally", "Online action");
        assertThat(page.select(".campaign-partners a").attr("href")).isEqualTo("/o/" + partner.slug());
        assertThat(page.select(".campaign-statements a").attr("href")).isEqualTo("/s/" + call.slug());
        assertThat(page.select(".campaign-call strong").text()).isEqualTo("act now");

        assertThat(Html.parse(mvc.perform(get("/campaigns")).andReturn())
                        .select(".campaign-item a")
                        .eachAttr("href"))
                .contains(created);
        assertThat(Html.parse(mvc.perform(get("/o/" + coalition.slug())).andReturn())
                        .select(".organization-campaigns a")
                        .eachAttr("href"))
                .contains(created);
        assertThat(Html.parse(mvc.perform(get("/")).andReturn())
                        .select(".current-campaigns a")
                        .eachAttr("href"))
                .contains(created);
        var atom = mvc.perform(get("/campaigns.atom?organization=" + coalition.slug()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(atom.getContentType()).startsWith("application/atom+xml");
        var feed = (Feed) new WireFeedInput().build(new StringReader(atom.getContentAsString()));
        assertThat(feed.getEntries()).hasSize(1);
        assertThat(feed.getEntries().getFirst().getTitle()).isEqualTo(title);
        assertThat(feed.getEntries().getFirst().getId()).endsWith(created);
    }

    @Test
    void a_refused_form_says_what_is_wrong_next_to_each_field_and_stores_nothing() throws Exception {
        var coalition = fixtures.coalition();
        var editor = fixtures.person("editor");
        fixtures.grant(coalition, editor, Role.EDITOR);
        var title = Fixtures.unique("<b>Refused</b>");
        var today = campaigns.today();
        var bad = new org.chorus.campaigns.CampaignDraft(
                "en",
                title,
                "",
                "A call.",
                "",
                "Mars/Olympus",
                today.plusDays(1).toString(),
                "2026-02-30",
                List.of(today.plusDays(400).toString(), "not a date"),
                List.of(),
                "no-such-organization",
                "no-such-statement");
        var page = Html.parse(mvc.perform(form("/o/" + coalition.slug() + "/campaigns/new", editor, bad))
                .andExpect(status().isUnprocessableEntity())
                .andReturn());
        assertThat(page.select("#timeZone-error").text()).isEqualTo("Choose a time zone from the list.");
        assertThat(page.select("#endsOn-error").text()).isEqualTo("This is not a date (yyyy-mm-dd).");
        assertThat(page.select("#daysOfAction-error").text()).isNotEmpty();
        assertThat(page.select("#kinds-error").text()).isEqualTo("Choose at least one kind of action.");
        assertThat(page.select("#partners-error").text()).contains("no-such-organization");
        assertThat(page.select("#statements-error").text()).contains("no-such-statement");
        assertThat(page.select("input#title").attr("value")).as("kept as text").isEqualTo(title);
        assertThat(page.select("b:containsOwn(Refused)")).isEmpty();
        assertThat(stored(title)).isZero();

        var outside = CampaignFixtures.form(today, title, 3, 10, List.of(4, 11), "", "");
        var refused = Html.parse(mvc.perform(form("/o/" + coalition.slug() + "/campaigns/new", editor, outside))
                .andExpect(status().isUnprocessableEntity())
                .andReturn());
        assertThat(refused.select("#daysOfAction-error").text())
                .isEqualTo(today.plusDays(11) + " is outside the campaign’s dates.");
        assertThat(refused.select("input[name=daysOfAction]").eachAttr("value"))
                .as("the dates as written, and one empty box more")
                .containsExactly(
                        today.plusDays(4).toString(), today.plusDays(11).toString(), "");
        assertThat(stored(title)).isZero();
    }

    @Test
    void an_editor_changes_a_published_campaign_and_readers_see_the_change_at_once() throws Exception {
        var coalition = fixtures.coalition();
        var owner = statements.ownerOf(coalition);
        var editor = fixtures.person("editor");
        fixtures.grant(coalition, editor, Role.EDITOR);
        var campaign = campaigns.published(owner, coalition, Fixtures.unique("Changing"));
        var path = "/c/" + campaign.slug();
        assertThat(Html.parse(mvc.perform(get(path)).andReturn()).select(".days-of-action li"))
                .hasSize(2);

        var form = Html.parse(mvc.perform(get(path + "/edit").with(user(editor)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(form.select("input[name=daysOfAction]").eachAttr("value"))
                .as("the days written, and an empty box for one more")
                .containsExactly(
                        campaigns.today().plusDays(15).toString(),
                        campaigns.today().plusDays(16).toString(),
                        "");
        var changed = CampaignFixtures.form(campaigns.today(), "Changed title", 10, 24, List.of(15, 16, 20), "", "");
        mvc.perform(form(path + "/edit", editor, changed)).andExpect(status().is3xxRedirection());

        var page = Html.parse(mvc.perform(get(path)).andReturn());
        assertThat(page.select("h1").text()).isEqualTo("Changed title");
        assertThat(page.select(".days-of-action li")).hasSize(3);
        assertThat(mvc.perform(get(path + "/edit").with(user(fixtures.person("stranger"))))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("a published campaign is seen by all, changed by its writers only")
                .isEqualTo(403);
    }

    @Test
    void another_day_of_action_is_added_without_javascript_and_without_saving() throws Exception {
        var coalition = fixtures.coalition();
        var editor = fixtures.person("editor");
        fixtures.grant(coalition, editor, Role.EDITOR);
        var title = Fixtures.unique("More days");
        var draft = CampaignFixtures.form(campaigns.today(), title, 3, 17, List.of(4, 5), "", "");
        var page = Html.parse(mvc.perform(form("/o/" + coalition.slug() + "/campaigns/new", editor, draft)
                        .param("addDay", "1"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("input[name=daysOfAction]")).hasSize(4);
        assertThat(page.select("input[name=title]").attr("value")).isEqualTo(title);
        assertThat(stored(title)).isZero();
    }

    @Test
    void a_translation_is_read_at_its_own_address_and_a_missing_one_falls_back_to_the_original_with_a_notice()
            throws Exception {
        var coalition = fixtures.coalition();
        var owner = statements.ownerOf(coalition);
        var title = Fixtures.unique("Fortnight");
        var campaign = campaigns.published(owner, coalition, title);
        writing.translate(owner, campaign.slug(), "fr", "Quinzaine", "", "Nous appelons.", "Annuler la dette");
        writing.translate(owner, campaign.slug(), "ar", "أسبوعان", "", "ندعو.", "إلغاء الديون");

        var french =
                Html.parse(mvc.perform(get("/c/" + campaign.slug() + "/fr")).andReturn());
        assertThat(french.select("h1").text()).isEqualTo("Quinzaine");
        assertThat(french.select(".demands li").eachText()).containsExactly("Annuler la dette");
        assertThat(french.select("link[rel=alternate][hreflang]").eachAttr("hreflang"))
                .containsExactlyInAnyOrder("en", "fr", "ar");
        assertThat(french.select("article").attr("lang")).isEqualTo("fr");

        var arabic = Html.parse(
                mvc.perform(get("/c/" + campaign.slug() + "/ar?lang=ar")).andReturn());
        assertThat(arabic.select("html").attr("dir")).isEqualTo("rtl");
        assertThat(arabic.select("article").attr("dir")).isEqualTo("rtl");

        var spanish =
                Html.parse(mvc.perform(get("/c/" + campaign.slug() + "/es")).andReturn());
        assertThat(spanish.select("h1").text()).isEqualTo(title);
        assertThat(spanish.select("p.notice[role=note]").text()).contains("no translation in Spanish");
    }

    @Test
    void a_campaign_counts_down_to_its_next_day_of_action_and_says_when_it_is_over() throws Exception {
        var coalition = fixtures.coalition();
        var owner = statements.ownerOf(coalition);
        var today = campaigns.today();
        assertThat(countdown(owner, coalition, -3, 5, List.of(-1, 2)))
                .isEqualTo("The next day of action is in 2 days.");
        assertThat(countdown(owner, coalition, -3, 5, List.of(-1, 1))).isEqualTo("The next day of action is tomorrow.");
        assertThat(countdown(owner, coalition, 0, 5, List.of(0, 3))).isEqualTo("Today is a day of action.");
        assertThat(countdown(owner, coalition, -3, 5, List.of(-2, -1)))
                .as("inside the window, its days of action over")
                .isEmpty();
        assertThat(countdown(owner, coalition, -20, -1, List.of(-5)))
                .isEqualTo("This campaign ended on " + uiDate(today.minusDays(1)) + ".");
    }

    /** The countdown on the page of a published campaign with these days (counted from today). */
    private String countdown(
            Actor owner, org.chorus.organizations.Organization coalition, int start, int end, List<Integer> days)
            throws Exception {
        var draft = CampaignFixtures.form(campaigns.today(), Fixtures.unique("Countdown"), start, end, days, "", "");
        var campaign = writing.publish(
                owner, writing.create(owner, coalition.id(), draft).slug());
        return Html.parse(mvc.perform(get("/c/" + campaign.slug())).andReturn())
                .select(".campaign-countdown")
                .text();
    }

    @Test
    void a_withdrawn_campaign_stays_at_its_address_with_the_reason_and_leaves_the_lists() throws Exception {
        var coalition = fixtures.coalition();
        var owner = statements.ownerOf(coalition);
        var campaign = campaigns.published(owner, coalition, Fixtures.unique("Withdrawn"));
        writing.withdraw(owner, campaign.slug(), "Called off after the floods.");
        var page = Html.parse(mvc.perform(get("/c/" + campaign.slug()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select(".notice-warning").text()).contains("Called off after the floods.");
        assertThat(Html.parse(mvc.perform(get("/campaigns?organization=" + coalition.slug()))
                                .andReturn())
                        .select(".campaign-item"))
                .isEmpty();
    }

    private static String uiDate(java.time.LocalDate day) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(java.util.Locale.ENGLISH)
                .format(day);
    }
}

package org.chorus.campaigns.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.chorus.actions.ActionFixtures;
import org.chorus.campaigns.CampaignFixtures;
import org.chorus.campaigns.WritingCampaigns;
import org.chorus.organizations.Actor;
import org.chorus.organizations.OrganizationKind;
import org.chorus.organizations.Role;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Anyone reads published campaigns through the API: lists a cursor at a time, and each with what its page shows. */
@ChorusWebTest
class CampaignsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CampaignFixtures campaigns;

    @Autowired
    WritingCampaigns writing;

    @Autowired
    StatementFixtures statements;

    @Autowired
    ActionFixtures actions;

    @Test
    void a_published_campaign_is_read_with_its_texts_days_partners_statements_and_counts() throws Exception {
        var coalition = fixtures.coalition();
        var partner = fixtures.below(coalition, OrganizationKind.MEMBER);
        var person = fixtures.person("owner");
        fixtures.grant(coalition, person, Role.OWNER);
        var owner = Actor.of(person);
        var call = statements.published(owner, coalition, "en", Fixtures.unique("The call"), "We call for justice.");
        var title = Fixtures.unique("Climate fortnight");
        var form = CampaignFixtures.form(
                campaigns.today(), title, 3, 17, List.of(8, 5), partner.slug(), "/s/" + call.slug());
        var slug = writing.publish(
                        owner, writing.create(owner, coalition.id(), form).slug())
                .slug();
        writing.translate(owner, slug, "fr", "Quinzaine du climat", "", "Nous **appelons**.", "Annuler la dette");
        actions.registered(owner, slug, Fixtures.unique("Paris march"));
        var draft = campaigns.draft(owner, coalition, Fixtures.unique("Draft"));

        mvc.perform(get("/api/v1/campaigns/" + slug))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.issuer.slug").value(coalition.slug()))
                .andExpect(jsonPath("$.timeZone").value("UTC"))
                .andExpect(jsonPath("$.daysOfAction")
                        .value(Matchers.contains(
                                campaigns.today().plusDays(5).toString(),
                                campaigns.today().plusDays(8).toString())))
                .andExpect(jsonPath("$.kinds").value(Matchers.contains("PROTEST", "ONLINE")))
                .andExpect(jsonPath("$.languages").value(Matchers.contains("en", "fr")))
                .andExpect(jsonPath("$.texts.length()").value(2))
                .andExpect(jsonPath("$.texts[0].demands")
                        .value(Matchers.contains("Cancel the debt", "Pay for loss and damage", "End fossil subsidies")))
                .andExpect(jsonPath("$.texts[0].callHtml").value(Matchers.containsString("<strong>act now</strong>")))
                .andExpect(jsonPath("$.partners[0].slug").value(partner.slug()))
                .andExpect(jsonPath("$.statements[0].url").value("/s/" + call.slug()))
                .andExpect(jsonPath("$.actions.total").value(1))
                .andExpect(jsonPath("$.actions.byKind.PROTEST").value(1))
                .andExpect(jsonPath("$.actions.byCountry.FR").value(1))
                .andExpect(jsonPath("$.actionsUrl").value("/api/v1/actions?campaign=" + slug));
        mvc.perform(get("/api/v1/campaigns/" + slug).param("language", "fr"))
                .andExpect(jsonPath("$.fallback").value(false))
                .andExpect(jsonPath("$.texts[*].title").value(Matchers.contains("Quinzaine du climat")))
                .andExpect(jsonPath("$.texts[0].demands").value(Matchers.contains("Annuler la dette")));
        mvc.perform(get("/api/v1/campaigns/" + slug).param("language", "es"))
                .andExpect(jsonPath("$.fallback").value(true))
                .andExpect(jsonPath("$.texts[*].language").value(Matchers.contains("en")));
        mvc.perform(get("/api/v1/campaigns/" + draft.slug()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/campaigns/" + slug).param("language", "<script>"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("api.language-invalid"));

        writing.withdraw(owner, slug, "Postponed.");
        mvc.perform(get("/api/v1/campaigns/" + slug))
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.withdrawalNote").value("Postponed."))
                .andExpect(jsonPath("$.actions").doesNotExist());
    }

    @Test
    void the_list_holds_published_campaigns_newest_window_first_a_cursor_at_a_time() throws Exception {
        var coalition = fixtures.coalition();
        var person = fixtures.person("owner");
        fixtures.grant(coalition, person, Role.OWNER);
        var owner = Actor.of(person);
        var published = new ArrayList<String>();
        for (int i = 0; i < 21; i++) {
            var form = CampaignFixtures.form(
                    campaigns.today(), Fixtures.unique("Campaign " + i), i, i + 10, List.of(i + 1), "", "");
            published.add(writing.publish(
                            owner, writing.create(owner, coalition.id(), form).slug())
                    .slug());
        }
        campaigns.draft(owner, coalition, Fixtures.unique("Draft"));

        var first = mvc.perform(get("/api/v1/campaigns").param("organization", coalition.slug()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(20))
                .andExpect(jsonPath("$.items[0].slug").value(published.getLast()))
                .andExpect(jsonPath("$.items[0].issuer").value(coalition.slug()))
                .andExpect(header().string("Link", Matchers.containsString("rel=\"next\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String next = JsonPath.read(first, "$.next");
        assertThat(next).contains("organization=" + coalition.slug());
        mvc.perform(get(java.net.URI.create(next)))
                .andExpect(jsonPath("$.items[*].slug").value(Matchers.contains(published.getFirst())))
                .andExpect(jsonPath("$.next").doesNotExist());
        mvc.perform(get("/api/v1/campaigns").param("cursor", "AAAA"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("campaigns.cursor-invalid"));
        mvc.perform(get("/api/v1/campaigns").param("organization", "no-such-organization"))
                .andExpect(status().isNotFound());
    }
}

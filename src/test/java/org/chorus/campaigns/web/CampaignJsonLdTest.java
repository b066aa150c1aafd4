package org.chorus.campaigns.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.chorus.campaigns.CampaignFixtures;
import org.chorus.campaigns.WritingCampaigns;
import org.chorus.organizations.Actor;
import org.chorus.organizations.OrganizationKind;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A campaign page describes itself to search engines as a schema.org event series, whatever its title holds. */
@ChorusWebTest
class CampaignJsonLdTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CampaignFixtures campaigns;

    @Autowired
    WritingCampaigns writing;

    JsonNode jsonLd(String path) throws Exception {
        var page = Html.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn());
        var scripts = page.select("script[type=application/ld+json]");
        assertThat(scripts).hasSize(1);
        assertThat(scripts.first().data()).doesNotContain("</", "<script");
        return JsonMapper.builder().build().readTree(scripts.first().data());
    }

    @Test
    void the_page_carries_an_event_series_with_its_days_of_action_organizer_and_language() throws Exception {
        var coalition = fixtures.coalition();
        var partner = fixtures.below(coalition, OrganizationKind.MEMBER);
        var person = fixtures.person("owner");
        fixtures.grant(coalition, person, Role.OWNER);
        var owner = Actor.of(person);
        var title = Fixtures.unique("Rights & </script><script>alert(1)</script> week");
        var form = CampaignFixtures.form(campaigns.today(), title, 3, 17, List.of(8, 5), partner.slug(), "");
        var draft = writing.create(owner, coalition.id(), form);
        writing.translate(owner, draft.slug(), "fr", "Semaine des droits", "", "Agissez.", "");
        var slug = writing.publish(owner, draft.slug()).slug();

        var ld = jsonLd("/c/" + slug);
        assertThat(ld.get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(ld.get("@type").asString()).isEqualTo("EventSeries");
        assertThat(ld.get("name").asString()).isEqualTo(title);
        assertThat(ld.get("url").asString()).isEqualTo("http://localhost/c/" + slug);
        assertThat(ld.get("inLanguage").asString()).isEqualTo("en");
        assertThat(ld.get("startDate").asString())
                .isEqualTo(campaigns.today().plusDays(3).toString());
        assertThat(ld.get("eventStatus").asString()).isEqualTo("https://schema.org/EventScheduled");
        assertThat(ld.get("organizer").get("name").asString()).isEqualTo(coalition.name());
        assertThat(ld.get("organizer").get("url").asString()).isEqualTo("http://localhost/o/" + coalition.slug());
        assertThat(ld.get("contributor").get(0).get("name").asString()).isEqualTo(partner.name());
        var days = ld.get("subEvent");
        assertThat(days.size()).isEqualTo(2);
        assertThat(days.get(0).get("@type").asString()).isEqualTo("Event");
        assertThat(days.get(0).get("startDate").asString())
                .isEqualTo(campaigns.today().plusDays(5).toString());
        assertThat(days.get(1).get("endDate").asString())
                .isEqualTo(campaigns.today().plusDays(8).toString());
        assertThat(days.get(0).get("name").asString()).isEqualTo("Day of action: " + title);

        var french = jsonLd("/c/" + slug + "/fr");
        assertThat(french.get("inLanguage").asString()).isEqualTo("fr");
        assertThat(french.get("name").asString()).isEqualTo("Semaine des droits");
        assertThat(french.get("url").asString()).isEqualTo("http://localhost/c/" + slug + "/fr");

        writing.withdraw(owner, slug, "Postponed.");
        assertThat(jsonLd("/c/" + slug).get("eventStatus").asString()).isEqualTo("https://schema.org/EventCancelled");
    }
}
